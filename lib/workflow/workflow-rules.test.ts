import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { revalidateTag } from 'next/cache';
import { db } from '@/db/client';
import { articleRevisions, articles, auditEvents, media, notifications } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { createArticle, createUser } from '@/test/factories';
import { publishDueStories } from './publish-due';
import { saveStory } from './save-story';
import { loadStory } from './story-record';
import { applyTransition } from '@/lib/publishing/apply-transition';
import { actorOf, fieldsOf, versionOf } from '@/test/stories';

describe('saving', () => {
  it('saves a shared document without a version check, coalescing autosaves and recording every contributor', async () => {
    const [a, b] = [await createUser({ role: 'editor' }), await createUser({ role: 'reporter' })];
    const story = await createArticle({ authorIds: [b.id] });
    const first = await saveStory({ actor: actorOf(a), ip: '', articleId: story.id, reason: 'autosave', contributorIds: [a.id], fields: await fieldsOf(story.id, { deck: 'One' }) });
    const second = await saveStory({ actor: actorOf(b), ip: '', articleId: story.id, reason: 'autosave', contributorIds: [b.id], fields: await fieldsOf(story.id, { deck: 'Two' }) });
    expect(first.status).toBe('saved');
    expect(second.status === 'saved' && first.status === 'saved' && second.revisionId === first.revisionId).toBe(true);
    const { working } = await loadStory(db, story.id);
    expect(working.deck).toBe('Two');
    expect(new Set(working.contributorIds)).toEqual(new Set([a.id, b.id]));
  });

  it('cleans a hostile body and refuses a slug another story uses', async () => {
    const editor = await createUser({ role: 'editor' });
    const other = await createArticle();
    const story = await createArticle();
    const hostile = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'script', content: [{ type: 'text', text: 'alert(2)' }] },
        { type: 'paragraph', attrs: { onclick: 'alert(3)' }, content: [{ type: 'text', text: 'safe \u0000text' }] },
      ],
    };
    const saved = await saveStory({ actor: actorOf(editor), ip: '', articleId: story.id, reason: 'save', fields: await fieldsOf(story.id, { body: hostile }) });
    expect(saved.status).toBe('saved');
    const { working } = await loadStory(db, story.id);
    expect(JSON.stringify(working.body)).not.toMatch(/javascript|onclick|script/);
    expect(working.bodyText).toBe('click\nalert(2)\nsafe text');

    await expect(
      saveStory({ actor: actorOf(editor), ip: '', articleId: story.id, reason: 'save', fields: await fieldsOf(story.id, { slug: other.slug }) }),
    ).rejects.toThrow(/already uses this address/);
  });
});

describe('publishing rules', () => {
  it('will not publish or schedule before an embargo lifts', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review', embargoUntil: new Date(Date.now() + 3_600_000) });
    await expect(applyTransition(editor, '', story.id, 'publish', { expectedVersion: await versionOf(story.id) })).rejects.toThrow(/under embargo/);
    await expect(applyTransition(editor, '', story.id, 'schedule', { expectedVersion: await versionOf(story.id), scheduledFor: new Date(Date.now() + 60_000) })).rejects.toThrow(/under embargo/);
    await applyTransition(editor, '', story.id, 'schedule', { expectedVersion: await versionOf(story.id), scheduledFor: new Date(Date.now() + 2 * 3_600_000) });
    expect((await loadStory(db, story.id)).article.status).toBe('scheduled');
  });

  it('needs alt text on every picture before publishing', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review' });
    const [picture] = await db.insert(media).values({ storageKey: 'aaaaaaaaaaaaaaaaaaaa.jpg', originalFilename: 'x.jpg', mimeType: 'image/jpeg', width: 10, height: 10, bytes: 10, sha256: 'x' }).returning();
    await db.update(articleRevisions).set({ heroMediaId: picture!.id }).where(eq(articleRevisions.id, story.revisionId));
    await expect(applyTransition(editor, '', story.id, 'publish', { expectedVersion: await versionOf(story.id) })).rejects.toThrow(/alt text/);
    await db.update(media).set({ altText: 'A harbour at dusk' }).where(eq(media.id, picture!.id));
    await applyTransition(editor, '', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
  });

  it('requires a note to return a story, and tells its reporter', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const reporter = await createUser();
    const story = await createArticle({ status: 'in_review', authorIds: [reporter.id] });
    await expect(applyTransition(editor, '', story.id, 'request_changes', { text: '  ' })).rejects.toThrow(/note/);
    await applyTransition(editor, '', story.id, 'request_changes', { text: 'Needs a second source.' });
    const notes = await db.select().from(notifications).where(eq(notifications.userId, reporter.id));
    expect(notes.map((n) => [n.kind, n.message])).toEqual([['changes_requested', 'Needs a second source.']]);
  });

  it('publishes, updates (minor fixes keep the Updated time), withdraws and expires every cache it touched', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review' });
    vi.mocked(revalidateTag).mockClear();
    await applyTransition(editor, '', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
    expect(await getPublishedArticleBySlug(story.slug)).not.toBeNull();
    expect(vi.mocked(revalidateTag).mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining([cacheTags.article(story.id), cacheTags.slug(story.slug), cacheTags.publishedLists]));

    await applyTransition(editor, '', story.id, 'publish_update', { expectedVersion: await versionOf(story.id), minor: false });
    const updated = (await loadStory(db, story.id)).article.updatedAt;
    expect(updated).not.toBeNull();
    await applyTransition(editor, '', story.id, 'publish_update', { expectedVersion: await versionOf(story.id), minor: true });
    expect((await loadStory(db, story.id)).article.updatedAt).toEqual(updated);

    await expect(applyTransition(editor, '', story.id, 'unpublish', { text: '' })).rejects.toThrow(/reason/);
    await applyTransition(editor, '', story.id, 'unpublish', { text: 'Legal asked us to.' });
    expect(await getPublishedArticleBySlug(story.slug)).toBeNull();
    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, story.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['article.published', 'article.update_published', 'article.unpublished']));
  });
});

describe('scheduled publishing', () => {
  it('publishes a due story exactly once, even when several instances run at the same moment', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review' });
    // A minute ahead, and the runs as of then: due only a second ahead, it could fall due
    // before the first run below on a busy machine (the schedule step alone can take that).
    const dueAt = new Date(Date.now() + 60_000);
    await applyTransition(editor, '', story.id, 'schedule', { expectedVersion: await versionOf(story.id), scheduledFor: dueAt });
    expect(await publishDueStories()).not.toContain(story.id);
    const runs = await Promise.all([publishDueStories(dueAt), publishDueStories(dueAt), publishDueStories(dueAt)]);
    expect(runs.flat().filter((id) => id === story.id)).toHaveLength(1);
    expect((await loadStory(db, story.id)).article.status).toBe('published');
    const published = await db.select().from(auditEvents).where(eq(auditEvents.targetId, story.id));
    expect(published.filter((e) => e.action === 'article.published')).toHaveLength(1);
  });

  it('catches up on stories that fell due while the app was down', async () => {
    const story = await createArticle({ status: 'scheduled' });
    await db.update(articles).set({ scheduledFor: new Date(Date.now() - 3 * 3_600_000) }).where(eq(articles.id, story.id));
    expect(await publishDueStories()).toContain(story.id);
    expect(await getPublishedArticleBySlug(story.slug)).not.toBeNull();
  });
});
