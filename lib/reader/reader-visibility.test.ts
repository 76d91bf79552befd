import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { corrections, dailyViews } from '@/db/schema';
import { siteDay } from '@/lib/site-time';
import { createArticle, createSection, createTag, createUser, unique } from '@/test/factories';
import { getPublishedArticleBySlug, findRelatedArticles } from './articles';
import { answerArticleAddress } from './article-addresses';
import { tellExpiryListeners } from '@/lib/cache/expiry-listeners';
import { cacheTags } from '@/lib/cache/tags';
import { findCorrections } from './corrections';
import { buildRssFeed } from './feeds';
import { getFrontPage } from './front-page';
import { findListPage } from './lists';
import { findMostPopular } from './popular';
import { searchArticles } from './search';
import { buildNewsSitemap, buildSitemap } from './sitemaps';

/**
 * Every reader surface, asked whether it shows a story. A published control story must
 * appear everywhere; drafts, stories in review, scheduled, embargoed and withdrawn
 * stories must appear nowhere.
 */
async function surfacesShowing(story: { id: string; slug: string; headline: string; sectionId: number }, word: string, ctx: { authorId: string; tagId: number }) {
  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  const front = await getFrontPage();
  const frontIds = [front.lead, ...front.topStories, ...front.latest, ...front.sections.flatMap((s) => s.stories)].flatMap((s) => (s ? [s.id] : []));
  const section = { id: story.sectionId, slug: 'x', name: 'x', description: '' };
  const shown: Record<string, boolean> = {
    'article page': (await getPublishedArticleBySlug(story.slug)) !== null,
    'front page': frontIds.includes(story.id),
    'all list': ids((await findListPage('all', 1, 1000)).items).includes(story.id),
    'section page': ids((await findListPage(`section:${story.sectionId}`, 1)).items).includes(story.id),
    'author page': ids((await findListPage(`author:${ctx.authorId}`, 1)).items).includes(story.id),
    'tag page': ids((await findListPage(`tag:${ctx.tagId}`, 1)).items).includes(story.id),
    search: ids((await searchArticles({ q: word, page: 1 })).hits.map((h) => h.story)).includes(story.id),
    'site feed': (await buildRssFeed(null)).includes(story.slug),
    'section feed': (await buildRssFeed(section)).includes(story.slug),
    sitemap: (await buildSitemap()).includes(story.slug),
    'news sitemap': (await buildNewsSitemap()).includes(story.slug),
    'most popular': (await findMostPopular(1000)).stories.some((s) => s.slug === story.slug),
    corrections: (await findCorrections(1000)).some((c) => c.slug === story.slug),
    related: ids(await findRelatedArticles({ id: 'd4b1c1a0-0000-4000-8000-000000000000', sectionId: story.sectionId })).includes(story.id),
  };
  return shown;
}

async function storyIn(status: Parameters<typeof createArticle>[0]) {
  const word = `zq${unique()}`;
  const section = await createSection();
  const author = await createUser();
  const tag = await createTag();
  const story = await createArticle({
    headline: `Harbour ${word} report`,
    body: [`The ${word} committee met.`],
    sectionId: section.id,
    authorIds: [author.id],
    tagIds: [tag.id],
    ...status,
  });
  await db.insert(corrections).values({ articleId: story.id, body: `Correction about ${word}.` });
  await db.insert(dailyViews).values({ day: siteDay(new Date()), articleId: story.id, views: 1_000_000 });
  return { story, word, ctx: { authorId: author.id, tagId: tag.id } };
}

describe('what readers can see', () => {
  it('shows a published story on every surface', async () => {
    const { story, word, ctx } = await storyIn({ status: 'published' });
    const shown = await surfacesShowing(story, word, ctx);
    expect(Object.entries(shown).filter(([, visible]) => !visible)).toEqual([]);
  });

  it.each([
    ['draft', { status: 'draft' as const }],
    ['in review', { status: 'in_review' as const }],
    ['returned with changes requested', { status: 'changes_requested' as const }],
    ['scheduled', { status: 'scheduled' as const }],
    ['withdrawn', { status: 'unpublished' as const }],
    ['published but still under embargo', { status: 'published' as const, embargoUntil: new Date(Date.now() + 86_400_000) }],
  ])('never shows a story that is %s', async (_label, status) => {
    const { story, word, ctx } = await storyIn(status);
    const shown = await surfacesShowing(story, word, ctx);
    expect(Object.entries(shown).filter(([, visible]) => visible)).toEqual([]);
  });

  it('answers a withdrawn story’s address as gone, and other unpublished ones as unknown', async () => {
    const withdrawn = await createArticle({ status: 'unpublished' });
    const draft = await createArticle({ status: 'draft' });
    // Made by the fixtures, not the workflow: say so, as the workflow's cache expiry does.
    tellExpiryListeners([cacheTags.publishedLists]);
    expect(await answerArticleAddress(withdrawn.slug)).toEqual({ kind: 'gone' });
    expect(await answerArticleAddress(draft.slug)).toEqual({ kind: 'page' });
  });
});
