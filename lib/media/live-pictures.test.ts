import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articleRevisions, articles, auditEvents, media } from '@/db/schema';
import { ForbiddenError } from '@/lib/permissions';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { createArticle, createUser, unique } from '@/test/factories';
import { actorOf } from '@/test/stories';
import { signInAs } from '@/test/session';
import { updateMediaTextAction } from '@/lib/actions/media';
import { updateMediaText } from './manage-media';

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
});
