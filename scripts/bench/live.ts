/**
 * `npm run bench:live`: a live blog with 2,000 updates on a production build, then
 * 2,000 concurrent pollers on its "updates since" endpoint while the database's transaction
 * counter is watched, plus first and cached opens of its pages and wrk on the page itself.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { startProductionServer } from '../lib/production-server';
import { createBenchLiveBlog } from './live-data';
import { ensureProgram } from './system-tools';
import { runWrk, type LoadResult } from './wrk';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    'skip-build': { type: 'boolean', default: false },
    updates: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '15' },
    'app-port': { type: 'string', default: '3107' },
    database: { type: 'string', default: 'masthead_bench_live' },
  },
});
const UPDATES = Number(values.updates);
const log = (line: string) => console.log(`[bench:live] ${line}`);
const wrk = ensureProgram('wrk', 'wrk', log);
let articleId = '';
let slug = '';

async function seedLiveBlog(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    ({ articleId, slug } = await createBenchLiveBlog(sql, UPDATES));
  } finally {
    await sql.end();
  }
}

const time = async (url: string) => {
  const started = performance.now();
  const response = await fetch(url);
  await response.text();
  return { ms: performance.now() - started, status: response.status };
};

const server = await startProductionServer({
  database: values.database!,
  port: Number(values['app-port']),
  build: !values['skip-build'],
  log,
  prepare: seedLiveBlog,
});
const stats = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
try {
  const page = `${server.url}/articles/${slug}`;
  const poll = `${server.url}/api/live/${articleId}?since=${UPDATES}`;
  const rows: [string, string][] = [];
  const first = await time(page);
  const cached = await time(page);
  const deep = await time(`${server.url}/articles/${slug}/updates/before/21`);
  const firstPoll = await time(poll);
  rows.push(
    [`live page, first open (${UPDATES} updates, renders page 1 of ${Math.ceil(UPDATES / 20)})`, `${first.ms.toFixed(0)} ms (${first.status})`],
    ['live page, cached', `${cached.ms.toFixed(1)} ms (${cached.status})`],
    ['oldest page of updates, first open', `${deep.ms.toFixed(0)} ms (${deep.status})`],
    ['updates endpoint, first answer', `${firstPoll.ms.toFixed(0)} ms (${firstPoll.status})`],
  );

  const transactions = async () => {
    await new Promise((done) => setTimeout(done, 1500)); // backends report their counts about once a second
    const [row] = await stats`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`;
    return Number(row!.n);
  };
  const seconds = Number(values.duration);
  const idleBefore = await transactions();
  await new Promise((done) => setTimeout(done, seconds * 1000));
  const idle = (await transactions()) - idleBefore - 1;
  const before = await transactions();
  const load: LoadResult = await runWrk(wrk, { url: poll, seconds, connections: Number(values.connections), threads: 2 });
  const underLoad = (await transactions()) - before - 1;
  rows.push(
    [`database transactions in ${seconds} s, idle (background jobs)`, String(idle)],
    [`updates endpoint, ${values.connections} connections, ${seconds} s`, `${load.perSecond.toFixed(0)} req/s, p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, errors ${load.statusErrors + load.socketErrors}`],
    [`database transactions in those ${seconds} s`, `${underLoad} (${load.requests.toLocaleString('en-US')} requests answered)`],
  );
  const pageLoad = await runWrk(wrk, { url: page, seconds: 10, connections: 64, threads: 2 });
  rows.push(['live page, 64 connections, 10 s', `${pageLoad.perSecond.toFixed(0)} req/s, p50 ${pageLoad.p50Ms.toFixed(1)} ms, p99 ${pageLoad.p99Ms.toFixed(1)} ms, ${(pageLoad.bytesPerResponse / 1024).toFixed(0)} KB`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`);
} finally {
  await stats.end();
  await server.stop();
}
