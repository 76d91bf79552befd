import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles } from './articles';

/**
 * Numbered membership of live stories in the reader's paginated lists ('all', a section,
 * an author, a tag). Page N of a list is one index range on `position`, however deep,
 * instead of reading and discarding every earlier row. Maintained by lib/publishing/reader-list-writes.ts.
 */
export const readerListEntries = pgTable(
  'reader_list_entries',
  {
    listKey: text().notNull(),
    position: integer().notNull(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.listKey, t.articleId] }),
    index('reader_list_entries_page_idx').on(t.listKey, t.position.desc().nullsFirst()),
    index().on(t.articleId),
  ],
);
