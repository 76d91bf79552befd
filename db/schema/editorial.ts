import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles } from './articles';
import { users } from './users';

/** Published corrections, shown on the story, on /corrections and in JSON-LD. */
export const corrections = pgTable(
  'corrections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.articleId), index().on(t.createdAt.desc().nullsFirst())],
);

export const noteKind = pgEnum('note_kind', ['note', 'changes_requested', 'unpublished']);

/** The staff-only thread on a story. */
export const editorialNotes = pgTable(
  'editorial_notes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: noteKind().notNull().default('note'),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.articleId, t.createdAt)],
);

/** Old slugs of published stories, answered with a 301 to the current one. */
export const slugRedirects = pgTable('slug_redirects', {
  oldSlug: text().primaryKey(),
  articleId: uuid()
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const notificationKind = pgEnum('notification_kind', [
  'submitted',
  'changes_requested',
  'scheduled',
  'published',
  'unpublished',
  'taken_over',
]);

/** What the newsroom tells a person about their stories. */
export const notifications = pgTable(
  'notifications',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    articleId: uuid().references(() => articles.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    message: text().notNull().default(''),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.createdAt.desc().nullsFirst())],
);

export type Correction = typeof corrections.$inferSelect;
export type EditorialNote = typeof editorialNotes.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
