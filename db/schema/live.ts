import { relations, sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles, type DocNode } from './articles';
import { media } from './media';
import { users } from './users';

/** A story covered live: it has a row here, and its updates below. */
export const liveBlogs = pgTable('live_blogs', {
  articleId: uuid()
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  coverageStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  coverageEndedAt: timestamp({ withTimezone: true }),
  /** How often readers' pages ask for new updates; raised by editors during a spike. */
  pollSeconds: smallint().notNull().default(10),
  /** Whether reporters on the byline may post (editors always may): off until an editor allows it. */
  reportersMayPost: boolean().notNull().default(false),
  /** The last posting number given out: each posted update takes the next, so "since N" works. */
  lastSeq: integer().notNull().default(0),
  /** Bumped on every reader-visible change (post, edit, delete, pin), so pages know to refresh. */
  version: integer().notNull().default(0),
  startedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  endedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
});

/**
 * One entry in a live blog. Readers see it only once posted (`seq` set) and never once
 * deleted; deleted rows stay for the record.
 */
export const liveUpdates = pgTable(
  'live_updates',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    articleId: uuid()
      .notNull()
      .references(() => liveBlogs.articleId, { onDelete: 'cascade' }),
    /** Posting number within the blog; null while a draft. */
    seq: integer(),
    headline: text().notNull().default(''),
    body: jsonb().$type<DocNode>().notNull(),
    bodyText: text().notNull().default(''),
    mediaId: uuid().references(() => media.id, { onDelete: 'set null' }),
    authorIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    pinned: boolean().notNull().default(false),
    keyEvent: boolean().notNull().default(false),
    postedAt: timestamp({ withTimezone: true }),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_updates_posted_idx')
      .on(t.articleId, t.seq.desc())
      .where(sql`${t.seq} is not null and ${t.deletedAt} is null`),
    index('live_updates_drafts_idx').on(t.articleId).where(sql`${t.seq} is null and ${t.deletedAt} is null`),
  ],
);

/** The site-wide breaking-news line. The newest row not removed and not expired is shown. */
export const breakingBanners = pgTable(
  'breaking_banners',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    text: text().notNull(),
    href: text().notNull().default(''),
    expiresAt: timestamp({ withTimezone: true }),
    /** Set by the background job once readers' pages were told the banner expired. */
    expiryAnnouncedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp({ withTimezone: true }),
    removedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('breaking_banners_pending_expiry_idx').on(t.expiresAt).where(sql`${t.removedAt} is null and ${t.expiryAnnouncedAt} is null`)],
);

export const liveUpdatesRelations = relations(liveUpdates, ({ one }) => ({
  blog: one(liveBlogs, { fields: [liveUpdates.articleId], references: [liveBlogs.articleId] }),
}));

export type LiveBlog = typeof liveBlogs.$inferSelect;
export type LiveUpdate = typeof liveUpdates.$inferSelect;
export type NewLiveUpdate = typeof liveUpdates.$inferInsert;
export type BreakingBanner = typeof breakingBanners.$inferSelect;
