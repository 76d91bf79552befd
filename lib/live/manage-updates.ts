import 'server-only';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { db } from '@/db/client';
import { liveBlogs, liveUpdates, media, users, type LiveUpdate } from '@/db/schema';
import { recordAudit, type AuditAction } from '@/lib/audit/record-audit';
import { expireTags } from '@/lib/cache/expire';
import { cacheTags } from '@/lib/cache/tags';
import { documentText } from '@/lib/content/document';
import { imagesIn } from '@/lib/content/sanitize-document';
import { ActionError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/permissions';
import { assertCanChangeUpdate, assertCanPostOn } from './live-rules';
import { assertOpen, loadBlog, type BlogRecord } from './load-blog';
import type { UpdateFields } from './update-fields';

type Ref = { actor: Actor; ip: string; articleId: string; updateId: number };

/** Writes a new update: posted at once (live for readers) or kept as a private draft. */
export async function createUpdate(params: { actor: Actor; ip: string; articleId: string; intent: 'post' | 'draft'; fields: UpdateFields }): Promise<{ id: number }> {
  const { actor, ip, articleId, intent, fields } = params;
  const id = await db.transaction(async (tx) => {
    const record = await loadBlog(tx, articleId, true);
    assertCanPostOn(actor, record.access);
    assertOpen(record);
    await checkReferences(tx, fields, intent === 'post');
    if (fields.pinned) assertCan(actor, 'live.manage');
    const [row] = await tx
      .insert(liveUpdates)
      .values({ articleId, ...contentOf(fields), pinned: false, createdBy: actor.id })
      .returning({ id: liveUpdates.id });
    if (intent === 'post') await post(tx, articleId, row!.id, fields.pinned);
    await audit(tx, actor, ip, intent === 'post' ? 'live.update_posted' : 'live.update_drafted', articleId, row!.id, { text: documentText(fields.body).slice(0, 500) });
    return row!.id;
  });
  if (intent === 'post') await expireTags(cacheTags.liveBlog(articleId));
  return { id };
}

/**
 * Changes an update's text, picture, authors or key-event mark. A posted update is marked
 * "Updated" with the time; a draft can be posted with `intent: 'post'`. The text before the
 * change goes into the audit log, so nothing said to readers is lost.
 */
export async function editUpdate(params: Ref & { intent: 'post' | 'save'; fields: UpdateFields }): Promise<void> {
  const { actor, ip, articleId, updateId, intent, fields } = params;
  const wasPosted = await db.transaction(async (tx) => {
    const record = await loadBlog(tx, articleId, true);
    const update = await loadUpdate(tx, record, updateId);
    assertCanChangeUpdate(actor, record.access, update);
    const posting = update.seq === null && intent === 'post';
    if (posting) assertOpen(record);
    await checkReferences(tx, fields, posting || update.seq !== null);
    if (fields.pinned !== update.pinned) assertCan(actor, 'live.manage');
    await tx
      .update(liveUpdates)
      .set({ ...contentOf(fields), pinned: update.seq !== null && fields.pinned, editedAt: update.seq !== null ? sql`now()` : null })
      .where(eq(liveUpdates.id, updateId));
    if (posting) await post(tx, articleId, updateId, fields.pinned);
    else if (update.seq !== null) await changed(tx, articleId, fields.pinned ? updateId : undefined, fields.pinned);
    const action = posting ? 'live.update_posted' : 'live.update_edited';
    await audit(tx, actor, ip, action, articleId, updateId, {
      before: { headline: update.headline, text: update.bodyText.slice(0, 2000), keyEvent: update.keyEvent, pinned: update.pinned },
      after: { headline: fields.headline, text: documentText(fields.body).slice(0, 2000), keyEvent: fields.keyEvent, pinned: fields.pinned },
    });
    return posting || update.seq !== null;
  });
  if (wasPosted) await expireTags(cacheTags.liveBlog(articleId));
}

/** Removes an update from every reader surface; the row stays, for the record. */
export async function deleteUpdate({ actor, ip, articleId, updateId }: Ref): Promise<void> {
  const wasPosted = await db.transaction(async (tx) => {
    const record = await loadBlog(tx, articleId, true);
    const update = await loadUpdate(tx, record, updateId);
    assertCanChangeUpdate(actor, record.access, update);
    await tx.update(liveUpdates).set({ deletedAt: sql`now()`, pinned: false }).where(eq(liveUpdates.id, updateId));
    if (update.seq !== null) await changed(tx, articleId);
    await audit(tx, actor, ip, 'live.update_deleted', articleId, updateId, { headline: update.headline, text: update.bodyText.slice(0, 2000) });
    return update.seq !== null;
  });
  if (wasPosted) await expireTags(cacheTags.liveBlog(articleId));
}

/** Pins a posted update above all others (one at a time), or unpins it. Editors only. */
export async function setPinned({ actor, ip, articleId, updateId, on }: Ref & { on: boolean }): Promise<void> {
  assertCan(actor, 'live.manage');
  await db.transaction(async (tx) => {
    const record = await loadBlog(tx, articleId, true);
    const update = await loadUpdate(tx, record, updateId);
    if (update.seq === null) throw new ActionError('Post the update before pinning it.', 'invalid');
    await tx.update(liveUpdates).set({ pinned: on }).where(eq(liveUpdates.id, updateId));
    await changed(tx, articleId, on ? updateId : undefined, on);
    await audit(tx, actor, ip, on ? 'live.update_pinned' : 'live.update_unpinned', articleId, updateId);
  });
  await expireTags(cacheTags.liveBlog(articleId));
}

/** Marks an update as a key event (listed in the summary with a jump link), or unmarks it. */
export async function setKeyEvent({ actor, ip, articleId, updateId, on }: Ref & { on: boolean }): Promise<void> {
  const wasPosted = await db.transaction(async (tx) => {
    const record = await loadBlog(tx, articleId, true);
    const update = await loadUpdate(tx, record, updateId);
    assertCanChangeUpdate(actor, record.access, update);
    await tx.update(liveUpdates).set({ keyEvent: on }).where(eq(liveUpdates.id, updateId));
    if (update.seq !== null) await changed(tx, articleId);
    await audit(tx, actor, ip, 'live.update_edited', articleId, updateId, { keyEvent: [update.keyEvent, on] });
    return update.seq !== null;
  });
  if (wasPosted) await expireTags(cacheTags.liveBlog(articleId));
}

const contentOf = (fields: UpdateFields) => ({
  headline: fields.headline,
  body: fields.body,
  bodyText: documentText(fields.body),
  mediaId: fields.mediaId,
  authorIds: fields.authorIds,
  keyEvent: fields.keyEvent,
});

async function loadUpdate(tx: Executor, record: BlogRecord, updateId: number): Promise<LiveUpdate> {
  const [update] = await tx
    .select()
    .from(liveUpdates)
    .where(and(eq(liveUpdates.id, updateId), eq(liveUpdates.articleId, record.blog.articleId), isNull(liveUpdates.deletedAt)));
  if (!update) throw new ActionError('This update does not exist or was deleted.', 'invalid');
  return update;
}

/** Gives the update the blog's next posting number: from now on readers see it. */
async function post(tx: Executor, articleId: string, updateId: number, pinned: boolean): Promise<void> {
  const [blog] = await tx
    .update(liveBlogs)
    .set({ lastSeq: sql`${liveBlogs.lastSeq} + 1`, version: sql`${liveBlogs.version} + 1` })
    .where(eq(liveBlogs.articleId, articleId))
    .returning({ seq: liveBlogs.lastSeq });
  await tx.update(liveUpdates).set({ seq: blog!.seq, postedAt: sql`now()`, pinned }).where(eq(liveUpdates.id, updateId));
  if (pinned) await unpinOthers(tx, articleId, updateId);
}

/** Something readers see changed: bump the blog's version (and keep one pin at most). */
async function changed(tx: Executor, articleId: string, pinnedId?: number, pinned = false): Promise<void> {
  await tx.update(liveBlogs).set({ version: sql`${liveBlogs.version} + 1` }).where(eq(liveBlogs.articleId, articleId));
  if (pinned && pinnedId !== undefined) await unpinOthers(tx, articleId, pinnedId);
}

async function unpinOthers(tx: Executor, articleId: string, keepId: number): Promise<void> {
  await tx
    .update(liveUpdates)
    .set({ pinned: false })
    .where(and(eq(liveUpdates.articleId, articleId), eq(liveUpdates.pinned, true), ne(liveUpdates.id, keepId)));
}

/**
 * Authors must be staff; pictures (the update's own and any in its text) must be in the
 * library, and those readers will see need alt text, as in a story going out. Share locks:
 * a caption or alt-text change waits for this to commit (and then sees the picture in use).
 */
async function checkReferences(tx: Executor, fields: UpdateFields, forReaders: boolean): Promise<void> {
  const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, fields.authorIds));
  if (found.length !== new Set(fields.authorIds).size) throw new ActionError('Choose authors from the staff list.', 'invalid', { authorIds: ['Unknown author.'] });
  const inText = imagesIn(fields.body);
  const ids = [...new Set([...(fields.mediaId ? [fields.mediaId] : []), ...inText])];
  if (ids.length === 0) return;
  const pictures = new Map(
    (await tx.select({ id: media.id, alt: media.altText }).from(media).where(inArray(media.id, ids)).for('share')).map((row) => [row.id, row.alt]),
  );
  // The form field to point at: the update's picture, or its text.
  const fieldOf = (id: string, problem: string): Record<string, string[]> => ({ [id === fields.mediaId ? 'mediaId' : 'body']: [problem] });
  const missing = ids.find((id) => !pictures.has(id));
  if (missing) throw new ActionError('That picture is no longer in the library.', 'invalid', fieldOf(missing, 'Choose another picture.'));
  const withoutAlt = ids.find((id) => !pictures.get(id)!.trim());
  if (forReaders && withoutAlt) {
    throw new ActionError('Every picture needs alt text before readers can see it: add it in Media.', 'invalid', fieldOf(withoutAlt, 'Needs alt text.'));
  }
}

function audit(tx: Executor, actor: Actor, ip: string, action: AuditAction, articleId: string, updateId: number, details: Record<string, unknown> = {}) {
  return recordAudit(tx, { actorId: actor.id, action, targetType: 'article', targetId: articleId, ip, details: { updateId, ...details } });
}
