import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb } from '@/db/client';
import { articleRevisions, articles, dailyViews } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { secondsUntilMidnight, siteDay } from '@/lib/site-time';
import { isPublic } from './summaries';

export type PopularStory = { slug: string; headline: string; views: number };
export type MostPopular = { stories: PopularStory[] };

/**
 * The ten most-read public stories of the last 24 hours, from the daily counts: all of
 * today's views plus yesterday's in proportion to the hours of it still inside the window.
 * Cached for a minute; a publish or a withdrawal re-reads only the stories' headlines and
 * whether they are public, never the counts (`topViewCounts`).
 */
export async function findMostPopular(limit = 10): Promise<MostPopular> {
  'use cache';
  cacheLife({ stale: 30, revalidate: 45, expire: 300 });
  cacheTag(cacheTags.mostPopular, cacheTags.publishedLists);
  const top = await topViewCounts(limit * 2);
  if (top.length === 0) return { stories: [] };

  const rows = await readerDb
    .select({ id: articles.id, slug: articles.slug, headline: articleRevisions.headline })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(inArray(articles.id, top.map((row) => row.articleId)), isPublic()));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const stories = top
    .flatMap((row) => {
      const story = byId.get(row.articleId);
      return story ? [{ slug: story.slug, headline: story.headline, views: Math.round(Number(row.score)) }] : [];
    })
    .slice(0, limit);
  return { stories };
}

/**
 * The most-viewed story ids of the last 24 hours and their scores. Cached apart from the
 * stories, by time alone: summing a day's counts reads one row per story read that day
 * (60,000 a day in the million-story bench, 110-270 ms), and every publish expires Most
 * Popular, which would otherwise sum them again on the home page's next render.
 */
async function topViewCounts(count: number): Promise<{ articleId: string; score: number }[]> {
  'use cache';
  cacheLife({ stale: 30, revalidate: 45, expire: 300 });
  const now = new Date();
  const today = siteDay(now);
  const yesterday = siteDay(new Date(now.getTime() - 86_400_000));
  // The share of yesterday still inside the last 24 hours.
  const yesterdayWeight = Math.min(1, secondsUntilMidnight(now) / 86_400);

  const score = sql<number>`sum(case when ${dailyViews.day} = ${today} then ${dailyViews.views} else ${dailyViews.views} * ${yesterdayWeight}::float8 end)`;
  return readerDb
    .select({ articleId: dailyViews.articleId, score })
    .from(dailyViews)
    .where(inArray(dailyViews.day, [today, yesterday]))
    .groupBy(dailyViews.articleId)
    .orderBy(sql`2 desc`)
    .limit(count);
}
