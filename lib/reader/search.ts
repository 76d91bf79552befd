import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db/client';
import { articleRevisions, articles, sections } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { siteMidnight } from '@/lib/site-time';
import { findSummariesByIds, isPublic, type ArticleSummary } from './summaries';

export const SEARCH_PAGE_SIZE = 10;
const COUNT_CAP = 1000;
/**
 * Relevance is ranked among the newest matches only. Ranking means reading every match's
 * search vector; for a common phrase in a million stories that is tens of thousands of
 * rows (close to a second), while the newest few thousand take milliseconds and are what
 * a reader of news wants anyway.
 */
const RANKED_CANDIDATES = 2000;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(value)));

/** What a reader may ask: anything malformed is dropped, not an error. */
export const searchQuerySchema = z.object({
  // Control characters mean nothing in a search, and PostgreSQL refuses a NUL in any text.
  q: z.string().transform((q) => q.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()).pipe(z.string().max(200)).catch(''),
  section: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100).catch(1),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A stretch of snippet text; `match` marks the words that matched the query. */
export type SnippetPart = { text: string; match: boolean };
export type SearchHit = { story: ArticleSummary; snippet: SnippetPart[] };
export type SearchResults = { hits: SearchHit[]; total: number; totalIsCapped: boolean; totalPages: number };

// ts_headline marks matches with these; any in the text itself are removed first.
const START = '\u0002';
const STOP = '\u0003';

/**
 * Full-text search over published stories with web-search syntax ("exact phrase", -word,
 * or), ranked by relevance (headline above deck above body), through the GIN index.
 * Cached in a store of its own (lib/reader/search-cache-handler.mjs), for a few minutes.
 */
export async function searchArticles(query: SearchQuery): Promise<SearchResults> {
  'use cache: search';
  cacheLife('minutes');
  cacheTag(cacheTags.publishedLists);
  if (!query.q) return { hits: [], total: 0, totalIsCapped: false, totalPages: 0 };

  const tsQuery = sql`websearch_to_tsquery('english', ${query.q})`;
  const filters: SQL[] = [isPublic()!, sql`${articles.searchVector} @@ ${tsQuery}`];
  if (query.section) {
    filters.push(eq(articles.sectionId, sql`(select ${sections.id} from ${sections} where ${sections.slug} = ${query.section})`));
  }
  if (query.from) filters.push(gte(articles.firstPublishedAt, siteMidnight(query.from)));
  if (query.to) filters.push(lt(articles.firstPublishedAt, siteMidnight(query.to, 1)));
  const where = and(...filters);

  const [counted] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${articles} where ${where} limit ${COUNT_CAP + 1}) matches`,
  );
  const total = Math.min(counted?.n ?? 0, COUNT_CAP);
  if (total === 0) return { hits: [], total: 0, totalIsCapped: false, totalPages: 0 };

  const candidates = db
    .select({ id: articles.id, searchVector: articles.searchVector, publishedAt: articles.publishedAt, revisionId: articles.publishedRevisionId })
    .from(articles)
    .where(where)
    .orderBy(desc(articles.publishedAt))
    .limit(RANKED_CANDIDATES)
    .as('candidates');
  const rows = await db
    .select({
      id: candidates.id,
      snippet: sql<string>`ts_headline('english',
        translate(${articleRevisions.bodyText}, ${START + STOP}, ''), ${tsQuery},
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=40, MinWords=18, MaxFragments=2, FragmentDelimiter=" … "`})`,
    })
    .from(candidates)
    .innerJoin(articleRevisions, eq(articleRevisions.id, candidates.revisionId))
    .orderBy(sql`ts_rank_cd(${candidates.searchVector}, ${tsQuery}) desc`, desc(candidates.publishedAt))
    .limit(SEARCH_PAGE_SIZE)
    .offset((query.page - 1) * SEARCH_PAGE_SIZE);

  const stories = new Map((await findSummariesByIds(rows.map((row) => row.id))).map((story) => [story.id, story]));
  return {
    hits: rows.flatMap((row) => {
      const story = stories.get(row.id);
      return story ? [{ story, snippet: parseSnippet(row.snippet) }] : [];
    }),
    total,
    totalIsCapped: (counted?.n ?? 0) > COUNT_CAP,
    totalPages: Math.ceil(total / SEARCH_PAGE_SIZE),
  };
}

export function parseSnippet(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  }
  return parts;
}
