import 'server-only';
import { and, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { articleRevisions, articles, media, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/define-action';
import { recordAudit } from '@/lib/audit';
import { expireTags } from '@/lib/cache-invalidation';
import { cacheTags } from '@/lib/cache-tags';
import { cleanText } from '@/lib/content/sanitize-document';
import { assertCan, type Actor } from '@/lib/permissions';
import { thumbnailKey } from './find-media';
import { mediaStorage } from './storage';

export const MEDIA_PAGE_SIZE = 48;

export const mediaFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  before: z.string().datetime({ offset: true }).optional().catch(undefined),
});

export type LibraryItem = {
  id: string;
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  filename: string;
  uploader: string | null;
  createdAt: Date;
};

/** The library, newest first, searchable by caption, credit, alt text and uploader. */
export async function findLibrary(actor: Actor, filter: z.infer<typeof mediaFilterSchema>): Promise<LibraryItem[]> {
  assertCan(actor, 'media.upload');
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(media.caption, pattern), ilike(media.credit, pattern), ilike(media.altText, pattern), ilike(users.displayName, pattern))!);
  }
  if (filter.before) conditions.push(lt(media.createdAt, new Date(filter.before)));
  const rows = await db
    .select({
      id: media.id,
      renditions: media.renditions,
      storageKey: media.storageKey,
      width: media.width,
      height: media.height,
      alt: media.altText,
      caption: media.caption,
      credit: media.credit,
      filename: media.originalFilename,
      uploader: users.displayName,
      createdAt: media.createdAt,
    })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(and(...conditions))
    .orderBy(desc(media.createdAt))
    .limit(MEDIA_PAGE_SIZE);
  return rows.map(({ renditions, storageKey, ...row }) => ({ ...row, url: `/media/${thumbnailKey(renditions, storageKey)}` }));
}

const text = (max: number) =>
  z
    .string()
    .transform((v) => cleanText(v).trim())
    .pipe(z.string().max(max, `Keep this under ${max} characters.`));
export const mediaTextSchema = z.object({ altText: text(300), caption: text(600), credit: text(200) });

/** Edits what readers see with a picture; published stories using it update. */
export async function updateMediaText(actor: Actor, ip: string, mediaId: string, values: z.infer<typeof mediaTextSchema>) {
  assertCan(actor, 'media.edit');
  const [row] = await db.update(media).set(values).where(eq(media.id, mediaId)).returning({ id: media.id });
  if (!row) throw new ActionError('This picture is no longer in the library.');
  await recordAudit(db, { actorId: actor.id, action: 'media.updated', targetType: 'media', targetId: mediaId, ip });
  await expireTags(cacheTags.publishedLists, cacheTags.authors);
}

/** Headlines of the stories (working copy or live) and people whose profile use a picture. */
export async function findMediaUses(mediaId: string): Promise<string[]> {
  const inBody = JSON.stringify({ content: [{ type: 'image', attrs: { mediaId } }] });
  const stories = await db
    .selectDistinct({ headline: articleRevisions.headline })
    .from(articleRevisions)
    .innerJoin(articles, or(eq(articles.currentRevisionId, articleRevisions.id), eq(articles.publishedRevisionId, articleRevisions.id)))
    .where(or(eq(articleRevisions.heroMediaId, mediaId), sql`${articleRevisions.body} @> ${inBody}::jsonb`));
  const people = await db.select({ name: users.displayName }).from(users).where(eq(users.photoMediaId, mediaId));
  return [...stories.map((s) => `“${s.headline}”`), ...people.map((p) => `${p.name}’s profile`)];
}

/** Deletes a picture no story or profile uses; otherwise refuses, naming them. */
export async function deleteMedia(actor: Actor, ip: string, mediaId: string): Promise<void> {
  assertCan(actor, 'media.delete');
  const uses = await findMediaUses(mediaId);
  if (uses.length > 0) throw new ActionError(`This picture is used by ${uses.join(', ')}. Remove it there first.`, 'conflict');
  const [row] = await db.delete(media).where(eq(media.id, mediaId)).returning();
  if (!row) throw new ActionError('This picture is no longer in the library.');
  const storage = mediaStorage();
  await Promise.allSettled([row.storageKey, ...row.renditions.map((r) => r.key)].map((key) => storage.delete(key)));
  await recordAudit(db, { actorId: actor.id, action: 'media.deleted', targetType: 'media', targetId: mediaId, ip, details: { filename: row.originalFilename } });
}
