/**
 * `npm run bench:search`: the search query alone (no page, no cache) over the 50 queries of
 * search-queries.txt, against the database in DATABASE_URL, e.g. the million stories of
 * `npm run bench:scale` (masthead_bench_scale). Each query runs once to warm PostgreSQL's
 * buffers, then once timed; prints each time, p50, p95 and the slowest.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/masthead_bench_scale npm run bench:search
 */
import { runSearch, searchQuerySchema } from '@/lib/reader/search';
import { searchQueries } from './routes';

const timings: { ms: number; query: string; total: number }[] = [];
for (const pass of ['warm', 'timed']) {
  for (const query of searchQueries()) {
    const started = performance.now();
    const results = await runSearch(searchQuerySchema.parse({ q: query }));
    if (pass === 'timed') timings.push({ ms: performance.now() - started, query, total: results.total });
  }
}
timings.sort((a, b) => a.ms - b.ms);
for (const { ms, query, total } of timings) console.log(`${ms.toFixed(1).padStart(8)} ms ${String(total).padStart(5)} hits  ${query}`);
const at = (share: number) => timings[Math.min(timings.length - 1, Math.floor(share * timings.length))]!.ms.toFixed(1);
console.log(`p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, slowest ${timings.at(-1)!.ms.toFixed(1)} ms over ${timings.length} queries`);
process.exit(0);
