import { describe, expect, it } from 'vitest';
import { createArticle, createSection } from '@/test/factories';
import { findRelatedArticles, getPublishedArticleBySlug } from './articles';
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

  it('relates the newest stories of the same section, never the story itself', async () => {
    const { id: sectionId } = await createSection();
    const stories = [];
    for (let i = 0; i < 6; i++) stories.push(await createArticle({ sectionId, status: 'published', publishedAt: new Date(Date.now() - (6 - i) * 60_000) }));
    const [oldest, , , , , newest] = stories;
    const ids = async (story: { id: string }) => (await findRelatedArticles({ id: story.id, sectionId })).map((related) => related.id);
    // One cached list per section serves both: the newest story gets the four after it.
    expect(await ids(newest!)).toEqual(stories.slice(1, 5).reverse().map((story) => story.id));
    expect(await ids(oldest!)).toEqual(stories.slice(2).reverse().map((story) => story.id));
  });
});
