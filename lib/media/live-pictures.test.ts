import { and, eq } from 'drizzle-orm';
import { revalidateTag } from 'next/cache';
import { describe, expect, it, vi } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import { db } from '@/db/client';
import { articleRevisions, articles, auditEvents, media, users } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { createArticle, createUser, unique } from '@/test/factories';
import { actorOf } from '@/test/stories';
import { signInAs } from '@/test/session';
import { updateMediaTextAction } from '@/lib/actions/media';
import { cacheTags } from '@/lib/cache/tags';
import { startLiveBlog } from '@/lib/live/manage-live-blog';
import { createUpdate, deleteUpdate, editUpdate } from '@/lib/live/manage-updates';
import { getLivePage } from '@/lib/live/reader-live';
import { deleteMedia, findLibrary, updateMediaText } from './manage-media';

async function picture() {
  const [row] = await db
    .insert(media)
    .values({ storageKey: `${unique()}aaaaaaaaaaaa.jpg`, originalFilename: 'p.jpg', mimeType: 'image/jpeg', width: 10, height: 10, bytes: 10, sha256: unique(), altText: 'Boats in the harbour', caption: 'The harbour.', credit: 'Photo: Desk' })
    .returning();
  return row!;
}

async function useAsHero(revisionId: number, mediaId: string) {
  await db.update(articleRevisions).set({ heroMediaId: mediaId }).where(eq(articleRevisions.id, revisionId));
}

const text = { altText: 'Nothing to see', caption: 'A changed caption.', credit: 'Photo: Someone else' };

describe('pictures readers can see', () => {
  it('in a published story: a reporter is refused, with the reason; readers’ caption stays', async () => {
    const reporter = actorOf(await createUser());
    const pic = await picture();
    const story = await createArticle({ status: 'published', headline: `Harbour story ${unique()}` });
    await useAsHero(story.revisionId, pic.id);
    const refusal = await updateMediaText(reporter, '', pic.id, text).then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect((refusal as Error).message).toMatch(/published or scheduled.*only editors/);
    expect((refusal as Error).message).toContain(story.headline);
    expect((await getPublishedArticleBySlug(story.slug))?.hero?.caption).toBe('The harbour.');
  });

  it('through the media library’s action: a reporter gets the reason as a refusal, not an error', async () => {
    const reporter = await createUser();
    const pic = await picture();
    const story = await createArticle({ status: 'published' });
    await useAsHero(story.revisionId, pic.id);
    await signInAs(reporter.id);
    const result = await updateMediaTextAction(null, { mediaId: pic.id, ...text });
    expect(result).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/only editors can change/) });
  });

  it('in a scheduled story (in its body): a reporter is refused', async () => {
    const reporter = actorOf(await createUser());
    const pic = await picture();
    const story = await createArticle({ status: 'scheduled' });
    await db.update(articleRevisions).set({ body: { type: 'doc', content: [{ type: 'paragraph' }, { type: 'image', attrs: { mediaId: pic.id } }] } }).where(eq(articleRevisions.id, story.revisionId));
    await expect(updateMediaText(reporter, '', pic.id, { ...text, altText: '' })).rejects.toThrow(ForbiddenError);
    const [row] = await db.select({ altText: media.altText }).from(media).where(eq(media.id, pic.id));
    expect(row?.altText).toBe('Boats in the harbour');
    expect((await db.select({ status: articles.status }).from(articles).where(eq(articles.id, story.id)))[0]?.status).toBe('scheduled');
  });

  it('an editor may change them; the change is audited with what it was and where it shows', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const pic = await picture();
    const story = await createArticle({ status: 'published' });
    await useAsHero(story.revisionId, pic.id);
    await updateMediaText(editor, '', pic.id, text);
    expect((await getPublishedArticleBySlug(story.slug))?.hero?.caption).toBe('A changed caption.');
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, pic.id), eq(auditEvents.actorId, editor.id)));
    expect(event?.action).toBe('media.live_text_changed');
    expect(event?.details).toMatchObject({
      before: { altText: 'Boats in the harbour', caption: 'The harbour.', credit: 'Photo: Desk' },
      after: text,
      stories: [story.id],
    });
  });

  it('never lose their alt text, even to an editor', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const pic = await picture();
    const story = await createArticle({ status: 'published' });
    await useAsHero(story.revisionId, pic.id);
    await expect(updateMediaText(editor, '', pic.id, { ...text, altText: '' })).rejects.toThrow(/needs alt text/);
  });

  it('are the only ones closed to reporters: pictures in drafts and unused ones stay open', async () => {
    const reporter = actorOf(await createUser());
    const inDraft = await picture();
    const draft = await createArticle({ status: 'in_review' });
    await useAsHero(draft.revisionId, inDraft.id);
    await updateMediaText(reporter, '', inDraft.id, text);
    await updateMediaText(reporter, '', (await picture()).id, text);
    // Taken down: readers no longer see it.
    const withdrawn = await picture();
    const gone = await createArticle({ status: 'unpublished' });
    await useAsHero(gone.revisionId, withdrawn.id);
    await updateMediaText(reporter, '', withdrawn.id, text);
  });

  it('on a staff member’s public profile: closed to other reporters, open to its owner, never without alt text', async () => {
    const reporter = actorOf(await createUser());
    const owner = await createUser();
    const portrait = await picture();
    await db.update(users).set({ photoMediaId: portrait.id }).where(eq(users.id, owner.id));
    const refusal = await updateMediaText(reporter, '', portrait.id, text).then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect((refusal as Error).message).toContain(`on ${owner.displayName}’s public profile`);
    expect((await db.select({ altText: media.altText }).from(media).where(eq(media.id, portrait.id)))[0]?.altText).toBe('Boats in the harbour');
    // The library says so before anyone tries: closed to the reporter, open to the owner and to editors.
    const caption = `Portrait ${unique()}`;
    await db.update(media).set({ caption }).where(eq(media.id, portrait.id));
    const card = async (viewer: Parameters<typeof findLibrary>[0]) => (await findLibrary(viewer, { q: caption })).find((item) => item.id === portrait.id);
    expect(await card(reporter)).toMatchObject({ shownWhere: `on ${owner.displayName}’s public profile`, closedToViewer: true });
    expect(await card(actorOf(owner))).toMatchObject({ closedToViewer: false });
    expect(await card(actorOf(await createUser({ role: 'editor' })))).toMatchObject({ closedToViewer: false });

    await expect(updateMediaText(actorOf(owner), '', portrait.id, { ...text, altText: '' })).rejects.toThrow(/needs alt text/);
    await updateMediaText(actorOf(owner), '', portrait.id, text);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, portrait.id), eq(auditEvents.actorId, owner.id)));
    expect(event).toMatchObject({ action: 'media.live_text_changed', details: { profiles: [owner.id] } });

    // A former staff member's profile is not public: open again.
    await db.update(users).set({ active: false }).where(eq(users.id, owner.id));
    await db.update(media).set({ caption }).where(eq(media.id, portrait.id));
    expect(await card(reporter)).toMatchObject({ shownWhere: null, closedToViewer: false });
    await updateMediaText(reporter, '', portrait.id, { ...text, altText: '' });
  });
});

describe('pictures in a live blog’s updates (issue 13)', () => {
  async function liveBlogShowing(pic: { id: string }, where: 'picture' | 'text', intent: 'post' | 'draft' = 'post') {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'published', headline: `Live harbour ${unique()}` });
    await startLiveBlog({ actor: editor, ip: '', articleId: story.id });
    const body = markupToDocument(['The ferry is back.']);
    if (where === 'text') body.content = [...(body.content ?? []), { type: 'image', attrs: { mediaId: pic.id } }];
    const fields = { headline: '', body, mediaId: where === 'picture' ? pic.id : null, keyEvent: false, pinned: false, authorIds: [editor.id] };
    const update = await createUpdate({ actor: editor, ip: '', articleId: story.id, intent, fields });
    return { editor, story, update, fields };
  }

  it('are closed to reporters and keep their alt text, as in a story; an editor’s change reaches the cached live page', async () => {
    const reporter = actorOf(await createUser());
    const asPicture = await picture();
    const { editor, story } = await liveBlogShowing(asPicture, 'picture');
    const refusal = await updateMediaText(reporter, '', asPicture.id, text).then(() => null, (e: unknown) => e as Error);
    expect(refusal).toBeInstanceOf(ForbiddenError);
    expect(refusal?.message).toContain(story.headline);
    const inText = await picture();
    await liveBlogShowing(inText, 'text');
    await expect(updateMediaText(reporter, '', inText.id, text)).rejects.toThrow(ForbiddenError);
    await expect(updateMediaText(editor, '', inText.id, { ...text, altText: '' })).rejects.toThrow(/needs alt text/);

    vi.mocked(revalidateTag).mockClear();
    await updateMediaText(editor, '', asPicture.id, text);
    expect(vi.mocked(revalidateTag).mock.calls.map(([tag]) => tag)).toContain(cacheTags.liveBlog(story.id));
    expect((await getLivePage(story.id, null)).updates[0]?.picture?.caption).toBe('A changed caption.');
  });

  it('stay open while only a draft update or a deleted one has them, and cannot be deleted from the library while any update has them', async () => {
    const reporter = actorOf(await createUser());
    const editor = actorOf(await createUser({ role: 'editor' }));
    const inDraft = await picture();
    const draft = await liveBlogShowing(inDraft, 'text', 'draft');
    await updateMediaText(reporter, '', inDraft.id, text);
    await expect(deleteMedia(editor, '', inDraft.id)).rejects.toThrow(new RegExp(`used by the live blog “${draft.story.headline}”`));

    const inDeleted = await picture();
    const posted = await liveBlogShowing(inDeleted, 'picture');
    await expect(deleteMedia(editor, '', inDeleted.id)).rejects.toThrow(/used by the live blog/);
    await deleteUpdate({ actor: editor, ip: '', articleId: posted.story.id, updateId: posted.update.id });
    await updateMediaText(reporter, '', inDeleted.id, { ...text, altText: '' });
  });

  it('need alt text before an update showing them is posted, in its text too', async () => {
    const noAlt = await picture();
    await db.update(media).set({ altText: '' }).where(eq(media.id, noAlt.id));
    const { editor, story, update, fields } = await liveBlogShowing(noAlt, 'text', 'draft');
    await expect(editUpdate({ actor: editor, ip: '', articleId: story.id, updateId: update.id, intent: 'post', fields })).rejects.toThrow(/needs alt text/);
    expect((await getLivePage(story.id, null)).updates).toEqual([]);
  });
});
