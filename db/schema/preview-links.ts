import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { articles } from './articles';
import { users } from './users';

export const previewLinkEnd = pgEnum('preview_link_end', ['revoked', 'unpublished', 'creator_deactivated']);
export type PreviewLinkEnd = (typeof previewLinkEnd.enumValues)[number];

/**
 * Links that let someone outside the newsroom read one story's working copy. Only a hash
 * of each token is kept: a copy of this table opens nothing.
 */
export const previewLinks = pgTable(
  'preview_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** SHA-256 (hex) of the token in the link. */
    tokenHash: text().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when the link was ended before it expired, with why and (when a person did it) by whom. */
    endedAt: timestamp({ withTimezone: true }),
    endedBecause: previewLinkEnd(),
    endedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex().on(t.tokenHash),
    index().on(t.articleId, t.createdAt.desc().nullsFirst()),
    index().on(t.createdBy).where(sql`${t.endedAt} is null`),
  ],
);

export type PreviewLink = typeof previewLinks.$inferSelect;
