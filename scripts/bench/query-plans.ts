/**
 * The reader site's heaviest queries, each run once to warm the buffer cache (as a live site
 * has it) and then under EXPLAIN ANALYZE, in a read-only transaction: time, and whether
 * PostgreSQL had to read all of `articles` or `reader_list_entries` (it never should).
 */
import type postgres from 'postgres';
import { SEARCH_LIMITS } from '@/lib/reader/search';

export type QueryPlan = { ms: number; seqScanOnArticles: boolean };

export async function explainReaderQueries(sql: postgres.Sql): Promise<Record<string, QueryPlan>> {
  const [biggest] = (await sql`
    select list_key as key, max(position)::int as total from reader_list_entries where list_key like 'section:%' group by list_key order by 2 desc limit 1`) as unknown as { key: string; total: number }[];
  const since = async (depth: number) => {
    const [row] = (await sql`
      select published_at::text as since from reader_list_entries where list_key = 'all'
      and position <= (select max(position) from reader_list_entries where list_key = 'all') - ${depth - 1}
      order by position desc limit 1`) as unknown as { since: string }[];
    return row?.since ?? '-infinity';
  };
  const queries: Record<string, PlannedQuery> = {
    'newest stories (front page)': { query: `select article_id from reader_list_entries where list_key = 'all' order by position desc limit 17` },
    'front page lead and top stories': { query: `select id from articles where is_lead and ${PUBLIC} union all (select id from articles where top_rank is not null and ${PUBLIC} order by top_rank limit 4)` },
    // The three plans lib/reader/search.ts runs at this size: the newest stories walked in date
    // order and tested, a deeper window through both indexes, the full-text index alone.
    'search a common phrase, one word excluded (the walk, stopped at 1,001 matches)': {
      query: searchWalk('"festival drew performers" -storm', SEARCH_LIMITS.maxWalk),
      settings: NO_PARALLEL,
    },
    'search "ferry fares" (the newest 88,000 through both indexes)': { query: searchIndexed('ferry fares', await since(88_000)), settings: INDEX_ONLY },
    'search "harbour strike" (the full-text index; ranked among the newest 1,001 matches)': { query: searchIndexed('harbour strike'), settings: INDEX_ONLY },
    'search a rare phrase of common words (the full-text and word-pair indexes)': { query: searchIndexed('"city council"', undefined, `'citi council'`), settings: INDEX_ONLY },
    'most popular (two days of counts)': { query: `select article_id, sum(views) from daily_views where day in (current_date, current_date - 1) group by article_id order by 2 desc limit 20` },
    'news sitemap (48 hours and open live blogs)': {
      query: `select slug from articles where ${PUBLIC} and ((published_at >= now() - interval '48 hours' and first_published_at >= now() - interval '48 hours') or id = any(array(select article_id from live_blogs where coverage_ended_at is null))) order by published_at desc limit 1000`,
    },
  };
  if (biggest) {
    const deepPage = Math.max(1, Math.floor(biggest.total / 20) - 10);
    const upper = biggest.total - 20 * (deepPage - 1);
    queries[`section page ${deepPage} of ${Math.ceil(biggest.total / 20)}`] = {
      query: `select article_id from reader_list_entries where list_key = '${biggest.key}' and position <= ${upper} and position > ${upper - 20} order by position desc`,
    };
  }
  const plans: Record<string, QueryPlan> = {};
  for (const [name, { query, settings = [] }] of Object.entries(queries)) {
    // Read only, whatever the query: the bench may point at a database it must not change.
    const plan = await sql.begin('read only', async (tx) => {
      for (const setting of settings) await tx.unsafe(`set local ${setting}`);
      await tx.unsafe(query);
      const [row] = (await tx.unsafe(`explain (analyze, format json) ${query}`)) as unknown as { 'QUERY PLAN': { Plan: unknown; 'Execution Time': number }[] }[];
      return row!['QUERY PLAN'][0]!;
    });
    const text = JSON.stringify(plan.Plan);
    plans[name] = { ms: plan['Execution Time'], seqScanOnArticles: /"Node Type":"Seq Scan","[^}]*"Relation Name":"(articles|reader_list_entries)"/.test(text) };
  }
  return plans;
}

type PlannedQuery = { query: string; settings?: string[] };

/** What search.ts sets for its transaction, and for the queries through the full-text index. */
const NO_PARALLEL = ['max_parallel_workers_per_gather = 0'];
const INDEX_ONLY = ['enable_indexscan = off', 'enable_seqscan = off', ...NO_PARALLEL];

const tsQuery = (q: string) => `websearch_to_tsquery('english', '${q.replace(/'/g, "''")}')`;
const PUBLIC = `status = 'published' and (embargo_until is null or embargo_until <= now())`;

/** One page of candidates ranked, cut, then given snippets, as search.ts's rankedPage builds it. */
const rankedPage = (candidates: string, q: string) =>
  `select p.id, p.matches, ts_headline('english', r.body_text, ${tsQuery(q)}, 'MaxWords=40, MinWords=18, MaxFragments=2')
   from (select c.id, c.published_revision_id, c.published_at, ts_rank_cd(c.search_vector, ${tsQuery(q)}) as rank, (count(*) over ())::int as matches
         from (${candidates}) c order by ts_rank_cd(c.search_vector, ${tsQuery(q)}) desc, c.published_at desc limit 10) p
   join article_revisions r on r.id = p.published_revision_id order by p.rank desc, p.published_at desc`;

const searchWalk = (q: string, window: number) =>
  rankedPage(
    `select * from (select id, search_vector, published_at, published_revision_id from articles where ${PUBLIC} order by published_at desc, id desc limit ${window}) recent
     where search_vector @@ ${tsQuery(q)} order by published_at desc limit ${SEARCH_LIMITS.rankedCandidates}`,
    q,
  );

const searchIndexed = (q: string, since?: string, pairs?: string) =>
  rankedPage(
    `select id, search_vector, published_at, published_revision_id from articles where ${PUBLIC}
     and ${pairs ? `search_pairs(search_vector) @@ '${pairs.replace(/'/g, "''")}'::tsquery and coalesce(search_vector, ''::tsvector)` : 'search_vector'} @@ ${tsQuery(q)}
     ${since ? `and published_at >= '${since}'` : ''} order by published_at desc limit ${SEARCH_LIMITS.rankedCandidates}`,
    q,
  );
