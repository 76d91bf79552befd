import 'server-only';
import { desc } from 'drizzle-orm';
import { db } from '@/db/client';
import { media, type MediaRendition } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/permissions';

/** A small rendition for thumbnails in the newsroom. */
export function thumbnailKey(renditions: MediaRendition[], storageKey: string): string {
  const webp = renditions.filter((r) => r.format === 'webp');
  return (webp.find((r) => r.width >= 480) ?? webp.at(-1))?.key ?? storageKey;
}

export type LibraryPicture = { id: string; url: string; alt: string; caption: string; credit: string };

/** The newest pictures in the library, for pickers: for the people the library is open to. */
export async function findLibraryPictures(viewer: Actor, limit = 200): Promise<LibraryPicture[]> {
  assertCan(viewer, 'media.upload');
  const rows = await db
    .select({ id: media.id, renditions: media.renditions, storageKey: media.storageKey, alt: media.altText, caption: media.caption, credit: media.credit })
    .from(media)
    .orderBy(desc(media.createdAt))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, url: `/media/${thumbnailKey(row.renditions, row.storageKey)}`, alt: row.alt, caption: row.caption, credit: row.credit }));
}
