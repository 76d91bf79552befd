import 'server-only';
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb, readerReadOnlyDb } from '@/db/client';
import { articles, readerListEntries, sections } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { findSummariesByIds, isPublic, type ArticleSummary } from './summaries';

export type FrontPage = {
  lead: ArticleSummary | null;
  topStories: ArticleSummary[];
  latest: ArticleSummary[];
  sections: { slug: string; name: string; stories: ArticleSummary[] }[];
};

const TOP_STORIES = 4;
const LATEST = 12;
const PER_SECTION = 4;

/**
 * The home page: the editors' lead and ranked top stories (the newest stories fill any
 * gaps), the latest stories, and the newest few in each section.
 */
export async function getFrontPage(): Promise<FrontPage> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.publishedLists, cacheTags.sections);

  const [chosenLead] = await readerDb.select({ id: articles.id }).from(articles).where(and(eq(articles.isLead, true), isPublic())).limit(1);
  const ranked = await readerDb
    .select({ id: articles.id })
    .from(articles)
    .where(and(isNotNull(articles.topRank), isPublic()))
    .orderBy(asc(articles.topRank))
    .limit(TOP_STORIES);
  const newest = await readerDb
    .select({ id: readerListEntries.articleId })
    .from(readerListEntries)
    .where(eq(readerListEntries.listKey, 'all'))
    .orderBy(desc(readerListEntries.position))
    .limit(1 + TOP_STORIES + LATEST);

  const used = new Set<string>();
  const take = (ids: string[], count: number) => {
    const picked = ids.filter((id) => !used.has(id)).slice(0, count);
    picked.forEach((id) => used.add(id));
    return picked;
  };
  const newestIds = newest.map((row) => row.id);
  const leadIds = take(chosenLead ? [chosenLead.id] : newestIds, 1);
  const topIds = take([...ranked.map((row) => row.id), ...newestIds], TOP_STORIES);
  const latestIds = take(newestIds, LATEST);

  const bySection = await readerReadOnlyDb().execute<{ slug: string; name: string; article_id: string | null }>(sql`
    select s.slug, s.name, e.article_id
    from ${sections} s
    left join lateral (
      select article_id, position from ${readerListEntries}
      where list_key = 'section:' || s.id
      order by position desc
      limit ${PER_SECTION + 1 + TOP_STORIES}
    ) e on true
    order by s.position, s.id, e.position desc
  `);

  const allIds = [...new Set([...leadIds, ...topIds, ...latestIds, ...bySection.flatMap((r) => r.article_id ?? [])])];
  const stories = new Map((await findSummariesByIds(allIds)).map((story) => [story.id, story]));
  const pick = (ids: string[]) => ids.flatMap((id) => stories.get(id) ?? []);
  // Section blocks skip the stories already featured at the top of the page.
  const featured = new Set([...leadIds, ...topIds]);
  const sectionBlocks = new Map<string, FrontPage['sections'][number]>();
  for (const row of bySection) {
    const block = sectionBlocks.get(row.slug) ?? { slug: row.slug, name: row.name, stories: [] };
    if (row.article_id && !featured.has(row.article_id) && block.stories.length < PER_SECTION) {
      block.stories.push(...pick([row.article_id]));
    }
    sectionBlocks.set(row.slug, block);
  }
  return {
    lead: pick(leadIds)[0] ?? null,
    topStories: pick(topIds),
    latest: pick(latestIds),
    sections: [...sectionBlocks.values()].filter((block) => block.stories.length > 0),
  };
}
