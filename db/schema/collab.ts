import { bigint, customType, index, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles } from './articles';

/** Raw bytes (Yjs updates and snapshots). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The shared (Yjs) document of a story being edited together: one compacted snapshot,
 * rewritten by the collaboration server when it stores the document.
 */
export const collabDocuments = pgTable('collab_documents', {
  articleId: uuid()
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  /** Y.encodeStateAsUpdate of the whole document. */
  state: bytea().notNull(),
  /**
   * The working-copy revision this document last wrote (or was built from). A different
   * current revision means someone changed the working copy outside the document (a restore),
   * which the server then folds into the document as one change.
   */
  revisionId: bigint({ mode: 'number' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Updates received since the last snapshot, appended as they arrive so a crash of the
 * collaboration server loses nothing it had acknowledged; folded into the snapshot (and
 * deleted) each time the document is stored.
 */
export const collabUpdates = pgTable(
  'collab_updates',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    update: bytea().notNull(),
    /** Bytes, for watching the log's growth. */
    size: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.articleId, t.id)],
);

export type CollabDocument = typeof collabDocuments.$inferSelect;
