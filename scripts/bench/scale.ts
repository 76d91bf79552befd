/**
 * `npm run bench:scale`: the reader site over a million published stories (BENCH_STORIES).
 * Generates the archive (BENCH_REUSE=1 keeps an existing one), shows the plans and times of
 * the reader queries, then times pages of a production build: first visits (nothing
 * cached, so the database does the work) and repeat visits (served from cache).
 * Writes docs/measurements/scale.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { startProductionServer } from '../lib/production-server';
import { explainReaderQueries } from './query-plans';
import { generateScaleData } from './scale-data';

const STORIES = Number(process.env.BENCH_STORIES) || 1_000_000;
const log = (line: string) => console.log(line);

const server = await startProductionServer({
  database: 'masthead_bench_scale',
  port: 3300,
  build: process.env.BENCH_SKIP_BUILD !== '1',
  keepDatabase: process.env.BENCH_REUSE === '1',
  log,
  async prepare(databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql`select count(*)::int as n from articles where slug like 'archive-story-%'`;
      if ((row?.n ?? 0) >= STORIES) return log(`Reusing ${row!.n.toLocaleString('en-US')} archive stories.`);
      log(`Generating ${STORIES.toLocaleString('en-US')} archive stories…`);
      const started = Date.now();
      await generateScaleData(sql, STORIES, log);
      log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    } finally {
      await sql.end();
    }
  },
});

const results: Record<string, unknown> = { stories: STORIES, measuredAt: new Date().toISOString() };
try {
  const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
  const plans = await explainReaderQueries(sql);
  const [biggest] = (await sql`
    select max(position)::int as total from reader_list_entries where list_key like 'section:%' group by list_key order by 1 desc limit 1`) as unknown as { total: number }[];
  const deepPage = Math.floor(biggest!.total / 20) - 10;
  await sql.end();
  console.table(plans);
  results.queries = plans;

  const time = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`);
    await response.arrayBuffer();
    return { status: response.status, ms: Math.round(performance.now() - started) };
  };
  const sectionSlug = 'port-calder';
  const firstVisits: Record<string, { status: number; ms: number }> = {};
  for (const path of [
    '/',
    `/sections/${sectionSlug}`,
    `/sections/${sectionSlug}?page=100`,
    `/sections/${sectionSlug}?page=${Math.floor(deepPage / 2)}`,
    `/authors/mira-castellanos?page=5000`,
    `/tags/housing?page=2000`,
    '/search?q=harbour',
    '/search?q=%22festival+drew+performers%22+-storm',
    '/articles/archive-story-777777',
    '/feed.xml',
    '/sitemap.xml',
  ]) {
    firstVisits[path] = await time(path);
  }
  console.table(firstVisits);
  results.firstVisits = firstVisits;

  const repeated: Record<string, { requests: number; perSecond: number; p50: number; p95: number }> = {};
  for (const path of ['/', '/articles/archive-story-777777', `/sections/${sectionSlug}?page=100`]) {
    const timings: number[] = [];
    const started = performance.now();
    const worker = async () => {
      for (let i = 0; i < 50; i++) timings.push((await time(path)).ms);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const seconds = (performance.now() - started) / 1000;
    timings.sort((a, b) => a - b);
    repeated[path] = {
      requests: timings.length,
      perSecond: Math.round(timings.length / seconds),
      p50: timings[Math.floor(timings.length * 0.5)]!,
      p95: timings[Math.floor(timings.length * 0.95)]!,
    };
  }
  console.table(repeated);
  results.repeatVisits = repeated;
} finally {
  await server.stop();
}
mkdirSync('docs/measurements', { recursive: true });
writeFileSync('docs/measurements/scale.json', `${JSON.stringify(results, null, 2)}\n`);
