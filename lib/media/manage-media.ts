import 'server-only';
import { and, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { articleRevisions, articles, liveUpdates, media, users } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { expireTags } from '@/lib/cache/expire';
import { cacheTags } from '@/lib/cache/tags';
import { cleanTextField } from '@/lib/content/field-schemas';
import { assertCan, can, ForbiddenError, type Actor } from '@/lib/permissions';
import { thumbnailKey } from './find-media';
import { describeLiveUses, findLiveUses, liveUpdateBodyMediaIds } from './find-live-uses';
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
  /**
   * Where readers see it ("in a published or scheduled story (“…”) and on Mira’s public
   * profile"), or null.
   */
  shownWhere: string | null;
  /** Readers see it and this viewer may not change its text (updateMediaText refuses). */
  closedToViewer: boolean;
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
  const ids = rows.map((row) => row.id);
  const uses = await findLiveUses(db, ids);
  const profiles = ids.length === 0 ? [] : await db.select(profileColumns).from(users).where(and(inArray(users.photoMediaId, ids), eq(users.active, true)));
  return rows.map(({ renditions, storageKey, ...row }) => {
    const shown = whereShown(
      uses.filter((use) => use.mediaId === row.id),
      profiles.filter((profile) => profile.mediaId === row.id),
      actor,
    );
    return { ...row, url: `/media/${thumbnailKey(renditions, storageKey)}`, shownWhere: shown?.where ?? null, closedToViewer: shown?.closed ?? false };
  });
}

const profileColumns = { id: users.id, name: users.displayName, mediaId: users.photoMediaId };

/**
 * Where readers see a picture, in words, and whether `actor` is closed out of its text:
 * only editors may change a picture readers see, except a profile photo shown nowhere else,
 * which its owner may also change.
 */
function whereShown(live: { headline: string }[], profiles: { id: string; name: string }[], actor: Actor) {
  if (live.length === 0 && profiles.length === 0) return null;
  const where = [...(live.length > 0 ? [`in ${describeLiveUses(live.map((use) => use.headline))}`] : []), ...profiles.map((p) => `on ${p.name}’s public profile`)].join(' and ');
  const ownProfileOnly = live.length === 0 && profiles.every((p) => p.id === actor.id);
  return { where, closed: !ownProfileOnly && !can(actor, 'media.edit_live') };
}

export const mediaTextSchema = z.object({ altText: cleanTextField(300), caption: cleanTextField(600), credit: cleanTextField(200) });

/**
 * Edits what readers see with a picture. A picture in a published or scheduled story, or
 * on an active staff member's public profile, is part of what readers see (or are about
 * to), so only editors (and, for a profile alone, its owner) may change its text then, it
 * keeps its alt text, and the change is audited with what it was and where it shows: like
 * an edit to the story itself, it is an editor's decision. Pages using it update at once.
 */
export async function updateMediaText(actor: Actor, ip: string, mediaId: string, values: z.infer<typeof mediaTextSchema>) {
  assertCan(actor, 'media.edit');
  const uses = await db.transaction(async (tx) => {
    // Locked so that publishing a story with it (which takes a share lock) sees one state or the other.
    const [before] = await tx.select({ altText: media.altText, caption: media.caption, credit: media.credit }).from(media).where(eq(media.id, mediaId)).for('update');
    if (!before) throw new ActionError('This picture is no longer in the library.');
    const live = await findLiveUses(tx, [mediaId]);
    const profiles = await tx.select(profileColumns).from(users).where(and(eq(users.photoMediaId, mediaId), eq(users.active, true)));
    const shown = whereShown(live, profiles, actor);
    if (shown) {
      if (shown.closed) {
        throw new ForbiddenError(`This picture is ${shown.where}, so only editors can change its caption, credit or alt text. Ask an editor.`);
      }
      if (!values.altText) {
        throw new ActionError(`This picture is ${shown.where}, so it needs alt text.`, 'invalid', { altText: ['Required while readers can see the picture.'] });
      }
    }
    await tx.update(media).set(values).where(eq(media.id, mediaId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: shown ? 'media.live_text_changed' : 'media.updated',
      targetType: 'media',
      targetId: mediaId,
      ip,
      ...(shown ? { details: { before, after: values, stories: [...new Set(live.map((use) => use.articleId))], profiles: profiles.map((p) => p.id) } } : {}),
    });
    return live;
  });
  await expireTags(
    cacheTags.publishedLists,
    cacheTags.authors,
    ...uses.flatMap((use) => (use.inLiveUpdate ? [cacheTags.liveBlog(use.articleId)] : [cacheTags.article(use.articleId), cacheTags.slug(use.slug)])),
  );
}

/**
 * Headlines of the stories (working copy or live), live blogs (an update, posted or draft)
 * and people whose profile use a picture.
 * Checks no viewer (unpublished headlines): only for deleteMedia, after its check.
 */
async function findMediaUses(mediaId: string): Promise<string[]> {
  const inBody = JSON.stringify({ content: [{ type: 'image', attrs: { mediaId } }] });
  const stories = await db
    .selectDistinct({ headline: articleRevisions.headline })
    .from(articleRevisions)
    .innerJoin(articles, or(eq(articles.currentRevisionId, articleRevisions.id), eq(articles.publishedRevisionId, articleRevisions.id)))
    .where(or(eq(articleRevisions.heroMediaId, mediaId), sql`${articleRevisions.body} @> ${inBody}::jsonb`));
  const liveBlogs = await db
    .selectDistinct({ headline: articleRevisions.headline })
    .from(liveUpdates)
    .innerJoin(articles, eq(articles.id, liveUpdates.articleId))
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .where(and(isNull(liveUpdates.deletedAt), or(eq(liveUpdates.mediaId, mediaId), sql`${liveUpdateBodyMediaIds} ? ${mediaId}`)));
  const people = await db.select({ name: users.displayName }).from(users).where(eq(users.photoMediaId, mediaId));
  return [...stories.map((s) => `“${s.headline}”`), ...liveBlogs.map((s) => `the live blog “${s.headline}”`), ...people.map((p) => `${p.name}’s profile`)];
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
