import 'server-only';
import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import type { SubqueryWithSelection } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { readerDb, readerReadOnlyDb } from '@/db/client';
import { articleRevisions, articles, readerListEntries, sections } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { siteMidnight } from '@/lib/site-time';
import { phrasePairs } from './search-phrases';
import { isPublic, summaryColumns, toSummaries, type ArticleSummary } from './summaries';

export const SEARCH_PAGE_SIZE = 10;

/** How much work one search may do; tests shrink these to reach every path with a few stories. */
export const SEARCH_LIMITS = {
  /** Beyond this many matches the page says "more than 1,000". */
  countCap: 1000,
  /**
   * Relevance is ranked among the newest matches only: ranking means reading every match's
   * search vector, and for a common phrase in a million stories that is tens of thousands
   * of rows (close to a second), while the newest thousand take milliseconds and are
   * what a reader of news wants anyway. One more than countCap: enough to say "more than
   * 1,000", and the 100 pages a reader may turn are exactly the ranked ones. (It was 2,000:
   * half of the walk and of the ranking for a common word went to stories no page showed.)
   */
  rankedCandidates: 1001,
  /**
   * How many of the newest stories are tested first, to tell how common the query is
   * before choosing how to search (a few milliseconds). A common phrase ("the union said")
   * has all its words in a large share of the archive: through the full-text index, every
   * story holding the words must be read to check their positions (half a million rows,
   * most of a second), while walking the newest stories in date order stops as soon as it
   * has more matches than a reader can page through. A rare query is the opposite: the
   * index's short lists are quick, and a walk would read thousands of stories for nothing.
   * The sample says which, so neither walks twice nor walks in vain (it was: the newest
   * 10,000 walked first whatever the query, and again, deeper, for 20 of the bench's 50).
   */
  sample: 2000,
  /**
   * The deepest walk in date order. A query that needs a deeper window for enough matches
   * is asked of the full-text index, bounded by the date ranges index (a few pages) to the
   * window, up to maxRecentWindow stories; rarer ones of the full-text index alone.
   */
  maxWalk: 30_000,
  /**
   * How deep that bounded window may go. Even a window of 400,000 reads only the pages where
   * its matches are: about a third of what every match costs.
   */
  maxRecentWindow: 400_000,
};
export type SearchLimits = typeof SEARCH_LIMITS;

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
/**
 * How the candidates were found: walked newest first, a recent window through the index, or
 * every match through the index (for the bench and tests; the answer is the same either way).
 */
export type SearchPlan = 'walk' | 'window' | 'index';
export type SearchResults = { hits: SearchHit[]; total: number; totalIsCapped: boolean; totalPages: number; plan?: SearchPlan };

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
  return runSearch(query);
}

/** The search itself, uncached: `searchArticles` is what pages call; the bench times this. */
export async function runSearch(query: SearchQuery, limits: SearchLimits = SEARCH_LIMITS): Promise<SearchResults> {
  if (!query.q) return { hits: [], total: 0, totalIsCapped: false, totalPages: 0 };

  const tsQuery = sql`websearch_to_tsquery('english', ${query.q})`;
  const filters: SQL[] = [isPublic()!];
  if (query.section) {
    filters.push(eq(articles.sectionId, sql`(select ${sections.id} from ${sections} where ${sections.slug} = ${query.section})`));
  }
  if (query.from) filters.push(gte(articles.firstPublishedAt, siteMidnight(query.from)));
  if (query.to) filters.push(lt(articles.firstPublishedAt, siteMidnight(query.to, 1)));

  const page = { tsQuery, offset: (query.page - 1) * SEARCH_PAGE_SIZE };
  const list = query.section ? sql`'section:' || (select ${sections.id} from ${sections} where ${sections.slug} = ${query.section})` : sql`'all'`;
  const { countCap, rankedCandidates, sample, maxWalk, maxRecentWindow } = limits;
  const { rows, plan } = await readerReadOnlyDb().transaction(async (tx): Promise<{ rows: Awaited<ReturnType<typeof rankedPage>>; plan: SearchPlan }> => {
    // The sample walks the newest stories like `walked` below (same filters, same order).
    // Every statement here is a round trip that waits its turn behind the page's rendering,
    // so settings ride along with statements (set_config: they apply from the next one on).
    const newest = tx.select({ searchVector: articles.searchVector }).from(articles).where(and(...filters)).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(sample).as('newest');
    const sampled = tx.select({ count: sql`count(*)` }).from(newest).where(sql`${newest.searchVector} @@ ${tsQuery}`);
    const [parsed] = await tx.execute<{ text: string; sampled: number }>(
      // No parallel workers: for a few thousand rows the planner likes one, and each is a new
      // process that must first load the text-search dictionary and map every page it reads,
      // 20-30 ms before it starts (a one-hit query took 28 ms with it, under 1 ms without).
      sql`select ${tsQuery}::text as text, (${sampled})::int as sampled, set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    const pairs = phrasePairs(parsed?.text ?? '');
    /**
     * The ranked page among the newest `depth` stories, read in date order through the date
     * index and each tested, the full-text index left out: a common phrase's words are in a
     * tenth of the archive, and the index's list of them alone took 85 ms, against 12 ms to
     * test the newest 10,000 stories one by one.
     */
    const walked = (depth: number) => {
      const recent = tx.select(candidateColumns).from(articles).where(and(...filters)).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(depth).as('recent');
      const matches = tx.select().from(recent).where(sql`${recent.searchVector} @@ ${tsQuery}`).orderBy(desc(recent.publishedAt)).limit(rankedCandidates).as('candidates');
      return rankedPage(matches, page, tx);
    };
    /**
     * The ranked page among the matches published since `since` (null: all of them), through
     * the full-text index, and for a phrase the index of adjacent word pairs too.
     */
    const indexed = (since: Date | null) => {
      const matches = tx
        .select(candidateColumns)
        .from(articles)
        .where(
          and(
            ...filters,
            // With pairs, only their index is asked (a pair's list is never longer than its
            // words'), and the query tests the few stories it returns: written so that the
            // full-text index cannot serve it. Left to itself, the planner judged a rare pair
            // by the statistics' floor for uncommon pairs (0.5% of the archive, 5,000 stories),
            // read every story holding the words instead, and which it did changed with each
            // ANALYZE ("city council": 21 or 66 ms).
            pairs
              ? sql`search_pairs(${articles.searchVector}) @@ ${pairs}::tsquery and coalesce(${articles.searchVector}, ''::tsvector) @@ ${tsQuery}`
              : sql`${articles.searchVector} @@ ${tsQuery}`,
            since ? gte(articles.publishedAt, since) : undefined,
          ),
        )
        .orderBy(desc(articles.publishedAt))
        .limit(rankedCandidates)
        .as('candidates');
      return rankedPage(matches, page, tx);
    };
    /**
     * How deep a window must go to hold more than countCap matches, judged from `matched`
     * matches among the newest `depth` stories (Infinity when none matched), with a margin for
     * how rough that count is: two standard deviations (a count of n is about ±√n). A window
     * that comes up short costs the whole index after it; a deeper one reads only its few
     * hundred more matches. (The sample found 10 of 2,000 for a query in 0.4% of stories.)
     */
    const enough = (matched: number, depth: number) => (matched === 0 ? Infinity : ((countCap * depth) / matched) * (1 + 2 / Math.sqrt(matched)));
    let depth = enough(parsed?.sampled ?? 0, sample);
    let bitmapScansOnly = false;
    if (depth <= maxWalk) {
      // Common: walked newest first, the walk stops at rankedCandidates matches, usually well
      // before maxWalk. When the sample flattered the query, how far the walk got says how
      // deep to look next.
      const found = await walked(maxWalk);
      const matched = found[0]?.matches ?? 0;
      if (matched > countCap) return { rows: found, plan: 'walk' };
      depth = enough(matched, maxWalk);
    }
    if (depth <= 2 * maxRecentWindow) {
      // Less common: a window deep enough to hold more than a reader can page through, its
      // start taken from the reader lists' numbering (two lookups). At most maxRecentWindow
      // deep, tried while the depth with its margin is within twice that: the estimate itself
      // may still fit. The lookups need index scans (200 ms without at a million), so the
      // settings for `indexed` ride along with them, applying from the next statement.
      const since = await newestSince(tx, list, Math.min(maxRecentWindow, Math.ceil(depth)), BITMAP_SCANS_ONLY);
      bitmapScansOnly = true;
      if (since) {
        const found = await indexed(since);
        if ((found[0]?.matches ?? 0) > countCap) return { rows: found, plan: 'window' };
      }
    }
    // Not enough among the newest stories: every match, through the full-text index alone.
    if (!bitmapScansOnly) await tx.execute(sql`select ${BITMAP_SCANS_ONLY}`);
    return { rows: await indexed(null), plan: 'index' };
  });
  const matched = rows[0]?.matches ?? 0;
  const total = Math.min(matched, countCap);
  if (total === 0) return { hits: [], total: 0, totalIsCapped: false, totalPages: 0, plan };

  const stories = await toSummaries(rows);
  return {
    hits: rows.map((row, i) => ({ story: stories[i]!, snippet: parseSnippet(row.snippet) })),
    total,
    totalIsCapped: matched > countCap,
    totalPages: Math.ceil(total / SEARCH_PAGE_SIZE),
    plan,
  };
}

const candidateColumns = {
  id: articles.id,
  searchVector: articles.searchVector,
  publishedAt: articles.publishedAt,
  revisionId: articles.publishedRevisionId,
};

type Candidates = SubqueryWithSelection<typeof candidateColumns, 'candidates'>;

/**
 * When the newest `depth` stories of a reader list ('all', or a section's) begin: the
 * publication time of the one numbered `depth` from the top (lib/publishing/reader-list-writes.ts
 * numbers them by it). Two index lookups however deep, where finding it among the stories
 * themselves reads `depth` index entries. Null when the list is shorter.
 */
async function newestSince(executor: Pick<typeof readerDb, 'select' | 'execute'>, list: SQL, depth: number, settings: SQL): Promise<Date | null> {
  const newest = sql`(select max(${readerListEntries.position}) from ${readerListEntries} where ${readerListEntries.listKey} = ${list})`;
  const entry = executor
    .select({ publishedAt: readerListEntries.publishedAt })
    .from(readerListEntries)
    .where(and(eq(readerListEntries.listKey, list), lte(readerListEntries.position, sql`${newest} - ${depth - 1}`)))
    .orderBy(desc(readerListEntries.position))
    .limit(1);
  // One row whatever the list holds, so that `settings` always run (after this lookup is planned).
  const [row] = await executor.execute<{ since: number | null }>(sql`select extract(epoch from (${entry}))::float8 * 1000 as since, ${settings}`);
  return row?.since == null ? null : new Date(row.since);
}

/**
 * Only bitmap scans, for the queries through the full-text index, alone or combined with the
 * date index: the planner, misled by its estimate for phrases, would otherwise walk the
 * archive by date. As set_config calls, to ride along with the statement before.
 */
const BITMAP_SCANS_ONLY = sql`set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)`;

/**
 * One page of the candidates, by relevance (then newest first), with its snippets and the
 * number of candidates. The page is cut before anything else is read: only its ten stories
 * are joined to their text for snippets (joining every candidate read one revision row per
 * candidate, two thousand for a common query, most of the pages such a search touched).
 */
function rankedPage(candidates: Candidates, { tsQuery, offset }: { tsQuery: SQL; offset: number }, executor: Pick<typeof readerDb, 'select'> = readerDb) {
  const page = executor
    .select({
      id: candidates.id,
      revisionId: candidates.revisionId,
      publishedAt: candidates.publishedAt,
      rank: sql<number>`ts_rank_cd(${candidates.searchVector}, ${tsQuery})`.as('rank'),
      matches: sql<number>`(count(*) over ())::int`.as('matches'),
    })
    .from(candidates)
    .orderBy(sql`ts_rank_cd(${candidates.searchVector}, ${tsQuery}) desc`, desc(candidates.publishedAt))
    .limit(SEARCH_PAGE_SIZE)
    .offset(offset)
    .as('page');
  return executor
    .select({
      // The summary's columns, so no second query is needed: joined after the page is cut, so ten rows.
      ...summaryColumns,
      matches: page.matches,
      snippet: sql<string>`ts_headline('english',
        translate(${articleRevisions.bodyText}, ${START + STOP}, ''), ${tsQuery},
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=40, MinWords=18, MaxFragments=2, FragmentDelimiter=" … "`})`,
    })
    .from(page)
    .innerJoin(articleRevisions, eq(articleRevisions.id, page.revisionId))
    .innerJoin(articles, eq(articles.id, page.id))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .orderBy(desc(page.rank), desc(page.publishedAt));
}

export function parseSnippet(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece) parts.push({ text: piece, match: i % 2 === 1 });
  }
  return parts;
}
