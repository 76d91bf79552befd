import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/** One stored rendition of an image: a width in one format, under a content-hashed key. */
export type MediaRendition = {
  key: string;
  format: 'avif' | 'webp' | 'jpeg' | 'png' | 'gif';
  width: number;
  height: number;
  bytes: number;
};

/** Photos in the media library, with what readers need to see them well. */
export const media = pgTable(
  'media',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Key of the processed original (metadata stripped, orientation applied). */
    storageKey: text().notNull(),
    originalFilename: text().notNull(),
    mimeType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: integer().notNull(),
    sha256: text().notNull(),
    renditions: jsonb().$type<MediaRendition[]>().notNull().default([]),
    /** A tiny blurred preview as a data URL, shown while the image loads. */
    blurDataUrl: text().notNull().default(''),
    altText: text().notNull().default(''),
    caption: text().notNull().default(''),
    credit: text().notNull().default(''),
    // No foreign key: media and users reference each other (profile photos).
    uploadedBy: uuid(),
    ...timestamps,
  },
  (t) => [index().on(t.createdAt.desc().nullsFirst()), index().on(t.sha256)],
);

export type Media = typeof media.$inferSelect;
export type NewMedia = typeof media.$inferInsert;
