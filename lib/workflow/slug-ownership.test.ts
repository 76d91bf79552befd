import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articleRevisions, articles, slugRedirects } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { answerArticleAddress } from '@/lib/reader/article-addresses';
import { tellExpiryListeners } from '@/lib/cache/expiry-listeners';
import { cacheTags } from '@/lib/cache/tags';
import { createArticle, createSection, createUser } from '@/test/factories';
import { actorOf, fieldsOf, versionOf } from '@/test/stories';
import { createStory, saveStory } from './save-story';
import { loadStory } from './story-record';
import { applyTransition } from '@/lib/publishing/apply-transition';

/** A published story that moved from `old` to a new address: `old` redirects to it. */
async function movedStory() {
  const story = await createArticle({ status: 'published' });
  await db.insert(slugRedirects).values({ oldSlug: `${story.slug}-old`, articleId: story.id });
  return { ...story, oldSlug: `${story.slug}-old` };
}

async function saveSlug(actor: Actor, articleId: string, slug: string) {
  return saveStory({ actor, ip: '', articleId, reason: 'save', fields: await fieldsOf(articleId, { slug }) });
}

async function refusalOf(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ActionError);
  return error as ActionError;
}

describe('a story’s address', () => {
  it('cannot be taken at save time from a redirect or a scheduled story; the field says why', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const moved = await movedStory();
    const draft = await createArticle();
    const redirectRefusal = await refusalOf(saveSlug(editor, draft.id, moved.oldSlug));
    expect(redirectRefusal.fieldErrors?.slug?.join(' ')).toMatch(/redirects to another story/i);

    // A withdrawn story coming back under a new address owns that address while scheduled.
    const returning = await createArticle({ status: 'unpublished' });
    const comeback = `${returning.slug}-back`;
    await db.update(articleRevisions).set({ slug: comeback }).where(eq(articleRevisions.id, returning.revisionId));
    await applyTransition(editor, '', returning.id, 'schedule', { expectedVersion: await versionOf(returning.id), scheduledFor: new Date(Date.now() + 3_600_000) });
    const scheduledRefusal = await refusalOf(saveSlug(editor, draft.id, comeback));
    expect(scheduledRefusal.fieldErrors?.slug?.join(' ')).toMatch(/scheduled story/);
    expect((await loadStory(db, draft.id)).working.slug).toBe(draft.slug);
  });

  it('may take back its own old address', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const moved = await movedStory();
    expect((await saveSlug(editor, moved.id, moved.oldSlug)).status).toBe('saved');
    await applyTransition(editor, '', moved.id, 'publish_update', { expectedVersion: await versionOf(moved.id), minor: true });
    expect((await loadStory(db, moved.id)).article.slug).toBe(moved.oldSlug);
  });

  it('is checked again when publishing: another story’s redirect is never deleted', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const moved = await movedStory();
    // A working copy that took the address before the rule existed (or around the save-time check).
    const draft = await createArticle({ status: 'in_review' });
    await db.update(articleRevisions).set({ slug: moved.oldSlug }).where(eq(articleRevisions.id, draft.revisionId));

    const refusal = await refusalOf(applyTransition(editor, '', draft.id, 'publish', { expectedVersion: await versionOf(draft.id) }));
    expect(refusal.message).toMatch(/address/);
    expect((await loadStory(db, draft.id)).article.status).toBe('in_review');
    const [redirect] = await db.select().from(slugRedirects).where(eq(slugRedirects.oldSlug, moved.oldSlug));
    expect(redirect?.articleId).toBe(moved.id);
    // Made by the fixtures, not the workflow: say so, as the workflow's cache expiry does.
    tellExpiryListeners([cacheTags.publishedLists]);
    expect(await answerArticleAddress(moved.oldSlug)).toEqual({ kind: 'moved', slug: moved.slug });
  });

  it('of a live story cannot be taken by another story’s working copy', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const live = await createArticle({ status: 'published' });
    const other = await createArticle({ status: 'published' });
    const refusal = await refusalOf(saveSlug(editor, other.id, live.slug));
    expect(refusal.fieldErrors?.slug?.join(' ')).toMatch(/Already used/);
    const [row] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, live.id));
    expect(row?.slug).toBe(live.slug);
  });

  it('of a new story is free even when several start with one headline at once', async () => {
    const reporter = actorOf(await createUser({ role: 'reporter' }));
    const sectionId = (await createSection()).id;
    const headline = `Same working headline ${Date.now()}`;
    const created = await Promise.all(Array.from({ length: 6 }, () => createStory({ actor: reporter, ip: '', headline, sectionId })));
    const slugs = await Promise.all(created.map(async ({ id }) => (await loadStory(db, id)).article.slug));
    expect(new Set(slugs).size).toBe(6);
  });
});
