import { date, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { articles } from './articles';

/** Page views per story per day (site time zone); Most Popular reads these, never raw hits. */
export const dailyViews = pgTable(
  'daily_views',
  {
    day: date({ mode: 'string' }).notNull(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    views: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.articleId] }), index().on(t.articleId)],
);
