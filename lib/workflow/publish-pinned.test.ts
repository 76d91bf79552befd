import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { createArticle, createUser } from '@/test/factories';
import { actorOf, fieldsOf, versionOf } from '@/test/stories';
import { publishAction } from '@/lib/actions/publishing';
import { signInAs } from '@/test/session';
import { publishDueStories } from './publish-due';
import { saveStory } from './save-story';
import { loadStory } from './story-record';
import { applyTransition } from '@/lib/publishing/apply-transition';

/** Someone else's save lands on the story. */
async function saveByOther(articleId: string, headline: string) {
  const other = actorOf(await createUser({ role: 'editor' }));
  const outcome = await saveStory({ actor: other, ip: '', articleId, reason: 'save', fields: await fieldsOf(articleId, { headline }) });
  expect(outcome.status).toBe('saved');
}

const CHANGED = /changed since you opened it/;

describe('publishing is pinned to what the editor reviewed', () => {
  it('refuses Publish when a save landed between loading the story and the click, then publishes the version seen', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review', headline: 'Reviewed headline' });
    const seen = await versionOf(story.id);
    await saveByOther(story.id, 'Unreviewed headline');

    await expect(applyTransition(editor, '', story.id, 'publish', { expectedVersion: seen })).rejects.toThrow(CHANGED);
    expect((await loadStory(db, story.id)).article.status).toBe('in_review');

    // The editor reviews the newer version and publishes it.
    await applyTransition(editor, '', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
    const live = await getPublishedArticleBySlug((await loadStory(db, story.id)).article.slug);
    expect(live?.headline).toBe('Unreviewed headline');
  });

  it('refuses Schedule and Publish update on a newer working copy too', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const draft = await createArticle({ status: 'in_review' });
    const seenDraft = await versionOf(draft.id);
    await saveByOther(draft.id, 'Changed before scheduling');
    await expect(applyTransition(editor, '', draft.id, 'schedule', { expectedVersion: seenDraft, scheduledFor: new Date(Date.now() + 3_600_000) })).rejects.toThrow(CHANGED);
    expect((await loadStory(db, draft.id)).article.status).toBe('in_review');

    const live = await createArticle({ status: 'published', headline: 'Live headline' });
    const seenLive = await versionOf(live.id);
    await saveByOther(live.id, 'Unreviewed update');
    await expect(applyTransition(editor, '', live.id, 'publish_update', { expectedVersion: seenLive })).rejects.toThrow(CHANGED);
    expect((await getPublishedArticleBySlug(live.slug))?.headline).toBe('Live headline');
  });

  it('the Publish button’s action says so, marked for the page to offer the changes', async () => {
    const editor = await createUser({ role: 'editor' });
    const story = await createArticle({ status: 'in_review' });
    const seen = await versionOf(story.id);
    await saveByOther(story.id, 'Landed after the page loaded');
    await signInAs(editor.id);
    const result = await publishAction(null, { articleId: story.id, version: String(seen) });
    expect(result).toEqual({ ok: false, code: 'conflict', message: 'This story changed since you opened it — review the changes.', data: { changed: true }, values: expect.anything() });
    expect((await publishAction(null, { articleId: story.id })).ok).toBe(false);
    expect((await loadStory(db, story.id)).article.status).toBe('in_review');
  });

  it('the scheduler publishes the version the editor scheduled, not edits made after', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review', headline: 'Scheduled headline' });
    await applyTransition(editor, '', story.id, 'schedule', { expectedVersion: await versionOf(story.id), scheduledFor: new Date(Date.now() + 60_000) });
    await saveByOther(story.id, 'Edited after scheduling');

    expect(await publishDueStories(new Date(Date.now() + 120_000))).toContain(story.id);
    const after = await loadStory(db, story.id);
    expect(after.article.status).toBe('published');
    expect((await getPublishedArticleBySlug(after.article.slug))?.headline).toBe('Scheduled headline');
    // The later edit is kept as the working copy, waiting for an editor to publish it as an update.
    expect(after.working.headline).toBe('Edited after scheduling');
  });

  it('an autosave after publishing never rewrites the live revision', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review', headline: 'First headline' });
    const autosave = (headline: string) =>
      fieldsOf(story.id, { headline }).then((fields) => saveStory({ actor: editor, ip: '', articleId: story.id, reason: 'autosave', fields }));
    await autosave('Published headline');
    await applyTransition(editor, '', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
    const slug = (await loadStory(db, story.id)).article.slug;
    await autosave('Unpublished edit');
    expect((await getPublishedArticleBySlug(slug))?.headline).toBe('Published headline');
  });
});
