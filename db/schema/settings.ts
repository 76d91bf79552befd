import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/** Site-wide settings that admins change in the newsroom. */
export const siteSettings = pgTable('site_settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  ...timestamps,
});
