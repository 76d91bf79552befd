import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { articleRevisions, articles, editorialNotes, notifications } from '@/db/schema';
import { makeRevisionLive } from '@/lib/publishing/make-revision-live';
import { createArticle, createUser } from '@/test/factories';
import { publishDueStories } from './publish-due';
import { loadStory } from './story-record';

// Lets one test make publishing one story fail for a reason nobody foresaw.
vi.mock('@/lib/publishing/make-revision-live', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/publishing/make-revision-live')>();
  return { ...actual, makeRevisionLive: vi.fn(actual.makeRevisionLive) };
});

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function scheduleInThePast(articleId: string, minutes: number) {
  await db.update(articles).set({ status: 'scheduled', scheduledFor: minutesAgo(minutes) }).where(eq(articles.id, articleId));
}

async function statusOf(ids: string[]) {
  const rows = await db.select({ id: articles.id, status: articles.status }).from(articles).where(inArray(articles.id, ids));
  return Object.fromEntries(rows.map((row) => [row.id, row.status]));
}

async function expectSentBackToReview(articleId: string, reporterId: string, reason: RegExp) {
  const { article } = await loadStory(db, articleId);
  expect(article.status).toBe('in_review');
  expect(article.scheduledFor).toBeNull();
  const notes = await db.select({ body: editorialNotes.body }).from(editorialNotes).where(eq(editorialNotes.articleId, articleId));
  expect(notes.map((n) => n.body)).toEqual([expect.stringMatching(reason)]);
  const told = await db.select({ message: notifications.message }).from(notifications).where(and(eq(notifications.articleId, articleId), eq(notifications.userId, reporterId)));
  expect(told.map((n) => n.message)).toEqual([expect.stringMatching(reason)]);
}

describe('the scheduler with one story that cannot go out', () => {
  it('publishes the others when another story took a scheduled story’s address meanwhile', async () => {
    const reporter = await createUser();
    const first = await createArticle({ status: 'in_review' });
    const last = await createArticle({ status: 'in_review' });
    // Withdrawn earlier, now rescheduled under a new address…
    const poisoned = await createArticle({ status: 'unpublished', authorIds: [reporter.id] });
    const wanted = `${poisoned.slug}-returns`;
    await db.update(articleRevisions).set({ slug: wanted }).where(eq(articleRevisions.id, poisoned.revisionId));
    // …which a draft took before it was due.
    const squatter = await createArticle();
    await db.update(articles).set({ slug: wanted }).where(eq(articles.id, squatter.id));
    await db.update(articleRevisions).set({ slug: wanted }).where(eq(articleRevisions.id, squatter.revisionId));

    await scheduleInThePast(poisoned.id, 30);
    await scheduleInThePast(first.id, 20);
    await scheduleInThePast(last.id, 10);

    const published = await publishDueStories();
    expect(published).toEqual(expect.arrayContaining([first.id, last.id]));
    expect(published).not.toContain(poisoned.id);
    expect(await statusOf([first.id, last.id])).toEqual({ [first.id]: 'published', [last.id]: 'published' });
    await expectSentBackToReview(poisoned.id, reporter.id, /Could not go out at its scheduled time.*address/);
    expect(await publishDueStories()).not.toContain(poisoned.id);
  });

  it('publishes the others when publishing one fails for any reason', async () => {
    const reporter = await createUser();
    const poisoned = await createArticle({ status: 'in_review', authorIds: [reporter.id] });
    const others = [await createArticle({ status: 'in_review' }), await createArticle({ status: 'in_review' })];
    await scheduleInThePast(poisoned.id, 30);
    for (const other of others) await scheduleInThePast(other.id, 20);
    const actual = vi.mocked(makeRevisionLive).getMockImplementation()!;
    vi.mocked(makeRevisionLive).mockImplementation(async (tx, params) => {
      if (params.articleId === poisoned.id) throw new Error('could not write to the disk');
      return actual(tx, params);
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const published = await publishDueStories();
      expect(published).toEqual(expect.arrayContaining(others.map((o) => o.id)));
      expect(await statusOf(others.map((o) => o.id))).toEqual(Object.fromEntries(others.map((o) => [o.id, 'published'])));
      await expectSentBackToReview(poisoned.id, reporter.id, /Could not go out at its scheduled time/);
    } finally {
      vi.mocked(makeRevisionLive).mockImplementation(actual);
      vi.mocked(console.error).mockRestore();
    }
  });
});
