/**
 * The reader site's heaviest queries, each run once to warm the buffer cache (as a live site
 * has it) and then under EXPLAIN ANALYZE: time, and whether PostgreSQL had to read all of
 * `articles` or `reader_list_entries` (it never should).
 */
import type postgres from 'postgres';

export type QueryPlan = { ms: number; seqScanOnArticles: boolean };

export async function explainReaderQueries(sql: postgres.Sql): Promise<Record<string, QueryPlan>> {
  const [biggest] = (await sql`
    select list_key as key, max(position)::int as total from reader_list_entries where list_key like 'section:%' group by list_key order by 2 desc limit 1`) as unknown as { key: string; total: number }[];
  const queries: Record<string, string> = {
    'newest stories (front page)': `select article_id from reader_list_entries where list_key = 'all' order by position desc limit 17`,
    'search "harbour strike" (ranked among the newest 2,000 matches)': searchQuery('harbour strike'),
    'search a common phrase, one word excluded': searchQuery('"festival drew performers" -storm'),
    'search count (capped at 1,001)': `select count(*) from (select 1 from articles where status = 'published' and search_vector @@ websearch_to_tsquery('english', 'harbour strike') limit 1001) m`,
    'most popular (two days of counts)': `select article_id, sum(views) from daily_views where day in (current_date, current_date - 1) group by article_id order by 2 desc limit 20`,
  };
  if (biggest) {
    const deepPage = Math.max(1, Math.floor(biggest.total / 20) - 10);
    const upper = biggest.total - 20 * (deepPage - 1);
    queries[`section page ${deepPage} of ${Math.ceil(biggest.total / 20)}`] =
      `select article_id from reader_list_entries where list_key = '${biggest.key}' and position <= ${upper} and position > ${upper - 20} order by position desc`;
  }
  const plans: Record<string, QueryPlan> = {};
  for (const [name, query] of Object.entries(queries)) {
    await sql.unsafe(query);
    const [row] = (await sql.unsafe(`explain (analyze, format json) ${query}`)) as unknown as { 'QUERY PLAN': { Plan: unknown; 'Execution Time': number }[] }[];
    const plan = row!['QUERY PLAN'][0]!;
    const text = JSON.stringify(plan.Plan);
    plans[name] = { ms: plan['Execution Time'], seqScanOnArticles: /"Node Type":"Seq Scan","[^}]*"Relation Name":"(articles|reader_list_entries)"/.test(text) };
  }
  return plans;
}

const searchQuery = (q: string) =>
  `select id from (select id, search_vector, published_at from articles where status = 'published' and search_vector @@ websearch_to_tsquery('english', '${q.replace(/'/g, "''")}') order by published_at desc limit 2000) c order by ts_rank_cd(search_vector, websearch_to_tsquery('english', '${q.replace(/'/g, "''")}')) desc, published_at desc limit 10`;
