/**
 * `npm run bench:search`: the search query alone (no page, no cache) over the 50 queries of
 * search-queries.txt, against the database in DATABASE_URL, e.g. the million stories of
 * `npm run bench:scale` (masthead_bench_scale). Two figures per query:
 *
 * - first run: each query once, through a new connection pool, as a freshly started server
 *   meets it. Each new PostgreSQL connection pays for its first touch of shared memory and
 *   its first use of the text-search dictionaries, which at a million stories costs more
 *   than the query (docs/performance.md, "Search at a million stories").
 * - warm: the same queries again (SEARCH_WARM_PASSES more passes first, default 0), once
 *   each; p50, p95 and the slowest.
 *
 * Each line also says which plan answered (lib/reader/search.ts): `walk` (the newest stories
 * in date order), `window` (a recent window through the index), `index` (every match).
 *
 * Read only: every connection is opened with default_transaction_read_only, so the script
 * can be pointed at a database it must not change.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/masthead_bench_scale npm run bench:search
 */
import { readOnlyUrl } from './read-only';
import { searchQueries } from './routes';

process.env.DATABASE_URL = readOnlyUrl(process.env.DATABASE_URL ?? '');
const { runSearch, searchQuerySchema } = await import('@/lib/reader/search');

type Timing = { ms: number; query: string; total: number; plan: string };

const time = async (query: string): Promise<Timing> => {
  const started = performance.now();
  const results = await runSearch(searchQuerySchema.parse({ q: query }));
  return { ms: performance.now() - started, query, total: results.total, plan: results.plan ?? '-' };
};

const firstRuns: Timing[] = [];
for (const query of searchQueries()) firstRuns.push(await time(query));
for (let pass = 0; pass < Number(process.env.SEARCH_WARM_PASSES ?? 0); pass++) {
  for (const query of searchQueries()) await time(query);
}
const warm: Timing[] = [];
for (const query of searchQueries()) warm.push(await time(query));

const byQuery = new Map(firstRuns.map((run) => [run.query, run.ms]));
warm.sort((a, b) => a.ms - b.ms);
console.log('   first     warm  hits  plan    query');
for (const { ms, query, total, plan } of warm) {
  console.log(`${byQuery.get(query)!.toFixed(1).padStart(8)} ${ms.toFixed(1).padStart(8)} ${String(total).padStart(5)}  ${plan.padEnd(6)}  ${query}`);
}
console.log(`first run: ${summary(firstRuns)}`);
console.log(`warm:      ${summary(warm)}`);
process.exit(0);

function summary(timings: Timing[]): string {
  const sorted = timings.map((timing) => timing.ms).sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!.toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, slowest ${sorted.at(-1)!.toFixed(1)} ms over ${sorted.length} queries`;
}
