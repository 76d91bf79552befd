import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tsvector } from './columns';
import { media } from './media';
import { sections, tags } from './taxonomy';
import { users } from './users';

export const articleStatus = pgEnum('article_status', [
  'draft',
  'in_review',
  'changes_requested',
  'scheduled',
  'published',
  'unpublished',
]);
export type ArticleStatus = (typeof articleStatus.enumValues)[number];

export const revisionReason = pgEnum('revision_reason', [
  'create',
  'autosave',
  'save',
  'submit',
  'publish',
  'restore',
  /** A save refused because it was based on an old version, kept so nothing is lost. */
  'conflict',
]);
export type RevisionReason = (typeof revisionReason.enumValues)[number];

/** A Tiptap (ProseMirror) document as stored JSON. */
export type DocNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
};

/**
 * Identity and live state of a story. What readers see is the published revision;
 * `slug` and `sectionId` are those of the live version once published.
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    sectionId: integer()
      .notNull()
      .references(() => sections.id),
    status: articleStatus().notNull().default('draft'),
    isLead: boolean().notNull().default(false),
    /** Position among the home page's top stories, chosen by editors (1 = first). */
    topRank: smallint(),
    currentRevisionId: bigint({ mode: 'number' }),
    publishedRevisionId: bigint({ mode: 'number' }),
    /** While scheduled: the revision the editor approved, which is what goes out when due. */
    scheduledRevisionId: bigint({ mode: 'number' }),
    firstPublishedAt: timestamp({ withTimezone: true }),
    /** When the live version went up; orders every reader list. */
    publishedAt: timestamp({ withTimezone: true }),
    /** The reader-visible "Updated" time; a minor fix leaves it alone. */
    updatedAt: timestamp({ withTimezone: true }),
    /** When it last went into review: the review queue is oldest first. */
    submittedAt: timestamp({ withTimezone: true }),
    scheduledFor: timestamp({ withTimezone: true }),
    embargoUntil: timestamp({ withTimezone: true }),
    unpublishedAt: timestamp({ withTimezone: true }),
    unpublishReason: text(),
    /** Optimistic lock: every save names the version it was based on. */
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    lockUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    lockAcquiredAt: timestamp({ withTimezone: true }),
    lockHeartbeatAt: timestamp({ withTimezone: true }),
    /** Weighted headline (A) > deck (B) > body (C) of the published revision. */
    searchVector: tsvector(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastEditedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    index('articles_published_idx')
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'published'`),
    index('articles_section_published_idx')
      .on(t.sectionId, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'published'`),
    // Search's date bound (lib/reader/search.ts): PostgreSQL combines this with the full-text
    // index (a BitmapAnd); it chose neither the index above nor a partial copy of this one for that.
    index('articles_published_at_idx').on(t.publishedAt),
    // The same bound for deep windows: a few pages of summaries of where each stretch of the
    // table was published, where the btree above reads an entry per story (290,000 entries,
    // 40 ms, for a window of 290,000). Only as good as the table's order follows publication
    // time; when it does not, the planner sees the poor correlation and leaves it out.
    index('articles_published_brin_idx').using('brin', t.publishedAt).with({ autosummarize: true }),
    index('articles_search_idx')
      .using('gin', t.searchVector)
      .where(sql`${t.status} = 'published'`),
    // Exact phrases: each pair of adjacent words as one term (search_pairs(), migration 0008),
    // so a rare phrase of common words reads its few stories, not every story holding the words.
    index('articles_search_pairs_idx')
      .using('gin', sql`search_pairs(${t.searchVector})`)
      .where(sql`${t.status} = 'published'`),
    index('articles_scheduled_idx')
      .on(t.scheduledFor)
      .where(sql`${t.status} = 'scheduled'`),
    index('articles_status_edited_idx').on(t.status, t.lastEditedAt.desc().nullsFirst()),
    index('articles_lock_idx').on(t.lockHeartbeatAt).where(sql`${t.lockUserId} is not null`),
    // The home page's lead and ranked top stories: a handful of rows, found without reading the archive.
    index('articles_lead_idx').on(t.id).where(sql`${t.isLead}`),
    index('articles_top_rank_idx').on(t.topRank).where(sql`${t.topRank} is not null`),
  ],
);

/** Immutable snapshots of everything an editor can change. The latest is the working copy. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    headline: text().notNull(),
    deck: text().notNull().default(''),
    slug: text().notNull(),
    sectionId: integer()
      .notNull()
      .references(() => sections.id),
    body: jsonb().$type<DocNode>().notNull(),
    /** Plain text of the body, for search, word counts and diffs. */
    bodyText: text().notNull().default(''),
    wordCount: integer().notNull().default(0),
    heroMediaId: uuid().references(() => media.id, { onDelete: 'set null' }),
    /**
     * Media ids of the pictures in the body (pictures are top-level blocks), kept by the
     * database so no writer can forget it: "which live stories show this picture?" is an
     * index lookup instead of a scan of every body.
     */
    bodyMediaIds: jsonb()
      .$type<string[]>()
      .generatedAlwaysAs(sql`jsonb_path_query_array(body, 'strict $.content[*] ? (@.type == "image").attrs.mediaId')`),
    /** Ordered author ids. */
    bylineIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    tagIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    seoTitle: text().notNull().default(''),
    seoDescription: text().notNull().default(''),
    reason: revisionReason().notNull(),
    /** A person's explanation, e.g. why a story was restored or changed. */
    note: text().notNull().default(''),
    /** The article version this snapshot was based on. */
    baseVersion: integer().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Everyone whose typing is in this revision (stories are edited together; see docs/collaboration.md). */
    contributorIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.articleId, t.id.desc().nullsFirst()),
    index().on(t.heroMediaId),
    index().using('gin', t.bodyMediaIds),
  ],
);

/** Bylines of the live version, in order. (The working copy's are in its revision.) */
export const articleBylines = pgTable(
  'article_bylines',
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    position: smallint().notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] }), index().on(t.userId)],
);

/** Tags of the live version. */
export const articleTags = pgTable(
  'article_tags',
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer()
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index().on(t.tagId)],
);

export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  publishedRevision: one(articleRevisions, {
    fields: [articles.publishedRevisionId],
    references: [articleRevisions.id],
  }),
  bylines: many(articleBylines),
  tags: many(articleTags),
}));

export const articleBylinesRelations = relations(articleBylines, ({ one }) => ({
  article: one(articles, { fields: [articleBylines.articleId], references: [articles.id] }),
  author: one(users, { fields: [articleBylines.userId], references: [users.id] }),
}));

export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type ArticleRevision = typeof articleRevisions.$inferSelect;
export type NewArticleRevision = typeof articleRevisions.$inferInsert;
