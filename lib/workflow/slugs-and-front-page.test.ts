import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articleRevisions } from '@/db/schema';
import { answerArticleAddress } from '@/lib/reader/article-addresses';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { getFrontPage } from '@/lib/reader/front-page';
import { createArticle, createUser } from '@/test/factories';
import { versionOf } from '@/test/stories';
import { placeOnFrontPage } from './place-on-front-page';
import { applyTransition } from '@/lib/publishing/apply-transition';

const editorActor = async () => ({ id: (await createUser({ role: 'editor' })).id, role: 'editor' as const });

describe('a published story’s address', () => {
  it('moves with a new slug on the next published update, and the old one redirects', async () => {
    const editor = await editorActor();
    const story = await createArticle({ status: 'published' });
    await db.update(articleRevisions).set({ slug: `${story.slug}-renamed` }).where(eq(articleRevisions.id, story.revisionId));
    expect(await getPublishedArticleBySlug(`${story.slug}-renamed`)).toBeNull();
    await applyTransition(editor, '', story.id, 'publish_update', { expectedVersion: await versionOf(story.id), minor: true });
    expect(await answerArticleAddress(story.slug)).toEqual({ kind: 'moved', slug: `${story.slug}-renamed` });
    expect((await getPublishedArticleBySlug(`${story.slug}-renamed`))?.id).toBe(story.id);
    expect(await getPublishedArticleBySlug(story.slug)).toBeNull();
  });
});

describe('the front page', () => {
  it('leads with the editors’ choice and orders the top stories as placed', async () => {
    const editor = await editorActor();
    const [a, b, c] = [await createArticle({ status: 'published' }), await createArticle({ status: 'published' }), await createArticle({ status: 'published' })];
    await placeOnFrontPage(editor, '', a.id, { kind: 'lead' });
    await placeOnFrontPage(editor, '', b.id, { kind: 'top', rank: 1 });
    await placeOnFrontPage(editor, '', c.id, { kind: 'top', rank: 1 });
    const front = await getFrontPage();
    expect(front.lead?.id).toBe(a.id);
    expect(front.topStories.slice(0, 2).map((s) => s.id)).toEqual([c.id, b.id]);

    await applyTransition(editor, '', a.id, 'unpublish', { text: 'Withdrawn.' });
    expect((await getFrontPage()).lead?.id).not.toBe(a.id);
    const draft = await createArticle({ status: 'draft' });
    await expect(placeOnFrontPage(editor, '', draft.id, { kind: 'lead' })).rejects.toThrow(/Only published/);
    await expect(placeOnFrontPage({ id: editor.id, role: 'reporter' }, '', b.id, { kind: 'lead' })).rejects.toThrow(/permission/);
  });
});
