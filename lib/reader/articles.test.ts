import { describe, expect, it } from 'vitest';
import { createArticle } from '@/test/factories';
import { getPublishedArticleBySlug } from './articles';
import { findListPage } from './lists';

const liveIds = async () => (await findListPage('all', 1, 1000)).items.map((article) => article.id);

describe('reader article queries', () => {
  it('lists a published story with its section and bylines, newest first', async () => {
    const older = await createArticle({ status: 'published', publishedAt: new Date(Date.now() - 60_000) });
    const newer = await createArticle({ status: 'published', publishedAt: new Date() });
    const ids = await liveIds();
    expect(ids).toContain(newer.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));

    const shown = await getPublishedArticleBySlug(newer.slug);
    expect(shown?.headline).toBe(newer.headline);
    expect(shown?.bylines).toHaveLength(1);
    expect(shown?.body.type).toBe('doc');
  });

  it.each(['draft', 'in_review', 'changes_requested', 'scheduled', 'unpublished'] as const)(
    'never shows a %s story',
    async (status) => {
      const story = await createArticle({ status });
      expect(await liveIds()).not.toContain(story.id);
      expect(await getPublishedArticleBySlug(story.slug)).toBeNull();
    },
  );

  it('never shows a story whose embargo has not passed', async () => {
    const story = await createArticle({ status: 'published', embargoUntil: new Date(Date.now() + 3_600_000) });
    expect(await liveIds()).not.toContain(story.id);
    expect(await getPublishedArticleBySlug(story.slug)).toBeNull();
  });
});
