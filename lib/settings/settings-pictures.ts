import 'server-only';
import { desc, inArray, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { media } from '@/db/schema';
import { thumbnailKey } from '@/lib/media/find-media';
import { assertCan, type Actor } from '@/lib/permissions';

const RECENT = 48;

export type SettingsPicture = { id: string; url: string; alt: string; width: number };

/** The newest library pictures to choose a logo or share image from, plus the ones chosen now. */
export async function findSettingsPictures(actor: Actor, chosen: (string | null)[]): Promise<SettingsPicture[]> {
  assertCan(actor, 'settings.manage');
  const recent = db.select({ id: media.id }).from(media).orderBy(desc(media.createdAt)).limit(RECENT);
  const current = chosen.filter((id): id is string => Boolean(id));
  const rows = await db
    .select({ id: media.id, alt: media.altText, width: media.width, renditions: media.renditions, storageKey: media.storageKey })
    .from(media)
    .where(current.length > 0 ? or(inArray(media.id, recent), inArray(media.id, current)) : inArray(media.id, recent))
    .orderBy(desc(media.createdAt));
  return rows.map((row) => ({ id: row.id, url: `/media/${thumbnailKey(row.renditions, row.storageKey)}`, alt: row.alt, width: row.width }));
}
