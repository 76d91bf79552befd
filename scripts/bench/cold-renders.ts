/**
 * Cold renders, one at a time, against a running production server: each request is an
 * address the server has never rendered (archive stories, and section, author and tag
 * pages far down their lists). Prints wall time p50/p95 per kind, the server's CPU
 * milliseconds per request (from /proc, which a crowded machine skews far less than wall
 * time) and database queries per request (transactions counted by PostgreSQL for the
 * server's database: each of Drizzle's statements outside a transaction is one).
 *
 *   npx tsx scripts/bench/cold-renders.ts --url http://localhost:3250 --pid <next-server pid>
 *       --database-url postgres://…/masthead_sp_1m [--count 40] [--offset 0] [--kinds article,section]
 *
 * `--offset` moves to addresses not used by an earlier run of the same server; `--kinds`
 * measures only some kinds (article, section, author, tag); `--page 5000` asks every list
 * for that page, one list after another, then for the next page (with `--offset` added).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { processCpuMs } from './process-cpu';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    url: { type: 'string', default: 'http://localhost:3250' },
    pid: { type: 'string' },
    'database-url': { type: 'string' },
    count: { type: 'string', default: '40' },
    offset: { type: 'string', default: '0' },
    kinds: { type: 'string', default: 'article,section,author,tag' },
    page: { type: 'string' },
  },
});
if (!values.pid || !values['database-url']) throw new Error('--pid and --database-url are required.');
const pid = Number(values.pid);
const count = Number(values.count);
const offset = Number(values.offset);
const sql = postgres(values['database-url'], { max: 1 });
const database = (await sql<{ db: string }[]>`select current_database() as db`)[0]!.db;

const transactions = async () => {
  // PostgreSQL flushes a backend's counters at most once a second.
  await new Promise((done) => setTimeout(done, 1_500));
  const [row] = await sql<{ n: string }[]>`select xact_commit + xact_rollback as n from pg_stat_database where datname = ${database}`;
  return Number(row!.n);
};

const stories = (await sql<{ n: number }[]>`select count(*)::int as n from articles where status = 'published'`)[0]!.n;
const sections = await sql<{ slug: string }[]>`select slug from sections order by slug`;
const authors = await sql<{ slug: string }[]>`select u.slug from users u join article_bylines b on b.user_id = u.id group by u.slug order by u.slug`;
const tagRows = await sql<{ slug: string }[]>`select t.slug from tags t join article_tags at on at.tag_id = t.id group by t.slug order by count(*) desc limit 20`;

const at = <T>(list: T[], i: number) => list[i % list.length]!;
const fixedPage = values.page ? Number(values.page) : undefined;
/** With --page N: N for each list in turn, then N + 1 for each, and so on (a page never asked before each time). */
const pageOf = (i: number, step: number, lists: number) => (fixedPage === undefined ? 2 + offset + i * step : fixedPage + offset + Math.floor(i / lists));
const kinds: Record<string, (i: number) => string> = {
  article: (i) => `/articles/archive-story-${1 + ((offset * 7919 + i * 104_729 + 31) % Math.max(1, stories - 100))}`,
  section: (i) => `/sections/${at(sections, i).slug}/page/${pageOf(i, 97, sections.length)}`,
  author: (i) => `/authors/${at(authors, i).slug}/page/${pageOf(i, 89, authors.length)}`,
  tag: (i) => `/tags/${at(tagRows, i).slug}/page/${pageOf(i, 13, tagRows.length)}`,
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
console.log(`load average at start: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const wanted = new Set(values.kinds.split(','));
for (const [kind, pathFor] of Object.entries(kinds).filter(([kind]) => wanted.has(kind))) {
  const times: number[] = [];
  let failed = 0;
  const tx0 = await transactions();
  // The connection is opened (and the server woken after the pause above) by a page it
  // already has, so the first timed request is not the one that pays for them.
  await (await fetch(`${values.url}/`)).arrayBuffer();
  const cpu0 = processCpuMs(pid);
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${values.url}${pathFor(i)}`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) failed++;
  }
  const cpu = (processCpuMs(pid) - cpu0) / count;
  const queries = ((await transactions()) - tx0 - 1) / count;
  times.sort((a, b) => a - b);
  console.log(
    `${kind.padEnd(8)} n=${count} not-200=${failed} p50 ${percentile(times, 50).toFixed(0)} ms  p95 ${percentile(times, 95).toFixed(0)} ms  CPU ${cpu.toFixed(1)} ms/req  queries ${queries.toFixed(1)}/req`,
  );
}
console.log(`load average at end: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
await sql.end();
