/**
 * `npm run bench`: the reader site and the newsroom under load, next to nginx serving the
 * same article as a static file and a bare Next app serving the same markup.
 *
 * Builds and starts the app on its own database, runs every reader route on the fresh
 * server, does some newsroom work (wrong passwords, sign-ins, stories started and filled
 * in, a publish), runs the reader routes again on the now used server, then co-editing (50
 * editors on 10 stories typing through the collaboration server, collab-run.ts: the
 * newsroom's autosave since issue 15), and prints one table. The figures, with page
 * weight, memory and publish-to-visible times, go to bench/results/<time>.json.
 * Options: see options.ts (`npm run bench -- --help`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { startProductionServer } from '../lib/production-server';
import { RE_EXPIRE_AFTER_MS } from '@/lib/cache/expire-in-process';
import { prepareBareNext, startBareNext, visibleMarkup, type BareNext } from './bare-next';
import { prepareBenchData, readBenchFacts } from './bench-data';
import { COLLAB_DEFAULTS, formatCollabResult, runCollabBench, type CollabBenchResult } from './collab-run';
import { closeConnections, request } from './http';
import { Newsroom } from './newsroom';
import { doNewsroomWork } from './newsroom-work';
import { startNginx, type StaticServer } from './nginx';
import { startNginxProxy, type NginxProxy } from '../cluster/nginx-proxy';
import { parseBenchOptions } from './options';
import { explainReaderQueries } from './query-plans';
import { measureHtml, measureJavaScript } from './page-weight';
import { measurePublishToVisible } from './publish-to-visible';
import { formatFindings, formatMarkdown, formatTable, proxyVerdict, type Findings, type Row } from './report';
import { firstVisitPaths, readerRoutes, searchQueries, writePathsFile, type ReaderRoute } from './routes';
import { callAction, formArguments, readActionIds } from './server-actions';
import { withCpuPerRequest } from './process-cpu';
import { memoryReportFlags, readServerMemory } from './server-memory';
import { ensureProgram } from './system-tools';
import { runWrk, type LoadResult } from './wrk';

type Measured = { name: string; label: string; server: string; result: LoadResult; gzip?: boolean; note?: string };

const options = parseBenchOptions(process.argv.slice(2));
const began = Date.now();
const log = (line: string) => {
  const seconds = Math.round((Date.now() - began) / 1000);
  console.log(`[bench ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}] ${line}`);
};
const selected = (name: string) => options.only.size === 0 || options.only.has(name);
const GZIP = { 'Accept-Encoding': 'gzip' };

const wrk = ensureProgram('wrk', 'wrk', log);
const nginxProgram = ensureProgram('nginx', 'nginx', log);
const startedAt = new Date();
const loadBefore = loadavg()[0]!;
const scratch = mkdtempSync(join(tmpdir(), 'masthead-bench-'));
const load = (url: string, extra: { headers?: Record<string, string>; pathsFile?: string } = {}) =>
  runWrk(wrk, { url, seconds: options.duration, connections: options.connections, threads: options.threads, ...extra });

// wrk searches thousands of times a second from one address; the per-address search limit
// (issue 9, item 15, tested on its own) would answer most of them 429.
process.env.SEARCH_LIMIT_PER_MINUTE ??= '1000000';
const server = await startProductionServer({
  database: options.database,
  port: options.appPort,
  build: !options.skipBuild,
  keepDatabase: options.reuseData,
  log,
  prepare: (databaseUrl) => prepareBenchData(databaseUrl, options.stories, log),
  // The production flags plus a SIGUSR2 handler that writes V8's heap figures (server-memory.ts).
  nodeArgs: memoryReportFlags(scratch),
});
const memory = () => readServerMemory(server.pid, scratch);
const app = (path: string) => `${server.url}${path}`;
// The bench's own saves (story-save.ts) and the co-editing phase use the app's database handle.
process.env.DATABASE_URL = server.databaseUrl;
const rows: Row[] = [];
const add = ({ gzip, ...measured }: Measured) => {
  rows.push({ ...measured, yardstick: gzip ? 'static-gzip' : 'static' });
  const { result } = measured;
  const cpu = result.cpuMsPerRequest === undefined ? '' : `, ${result.cpuMsPerRequest.toFixed(2)} CPU ms per request`;
  log(`${measured.label} [${measured.server}]: ${Math.round(result.perSecond)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms${cpu}`);
};
let bare: BareNext | undefined;
let nginx: StaticServer | undefined;
let proxy: NginxProxy | undefined;
try {
  const facts = await readBenchFacts(server.databaseUrl);
  const memoryStarted = await memory();
  const sql = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
  const queryPlans = await explainReaderQueries(sql).finally(() => sql.end());

  log('First visits (nothing cached yet)…');
  const firstVisitsMs: Record<string, number> = {};
  for (const { label, path } of firstVisitPaths(facts)) firstVisitsMs[label] = Math.round((await expectOk(app(path))).ms);
  const searchFirstVisits = summarize(await sequentialTimes(searchQueries().map((q) => app(`/search?q=${encodeURIComponent(q)}`))));

  const articleUrl = app(`/articles/${facts.hotArticle.slug}`);
  const savedPage = (await expectOk(articleUrl, facts.hotArticle.headline)).body;
  nginx = await startNginx(nginxProgram, options.nginxPort, savedPage);
  const barePath = await prepareBareNext(visibleMarkup(savedPage.toString('utf8')), { skipBuild: options.skipBuild, log });
  bare = await startBareNext(options.bareNextPort);
  await expectOk(bare.url(barePath), facts.hotArticle.headline);

  const pageWeight = {
    article: await measureHtml(articleUrl),
    home: await measureHtml(app('/')),
    bareNextArticle: await measureHtml(bare.url(barePath)),
    staticArticle: await measureHtml(nginx.url('/static/article.html')),
  };
  const javascript = { article: await measureJavaScript(articleUrl), home: await measureJavaScript(app('/')), bareNext: await measureJavaScript(bare.url(barePath)) };

  log('Yardsticks: nginx and the bare Next app…');
  add({ name: 'static', label: 'article, static file', server: 'nginx', result: await load(nginx.url('/static/article.html')) });
  add({ name: 'static-gzip', label: 'article, static file, stored gzip', server: 'nginx', gzip: true, result: await load(nginx.url('/static/article.html'), { headers: GZIP }) });
  if (selected('static-compressing')) {
    const result = await load(nginx.url('/compressing/article.html'), { headers: GZIP });
    add({ name: 'static-compressing', label: 'article, static file, gzip per request', server: 'nginx', gzip: true, result });
  }
  if (selected('bare-next')) {
    await warm(bare.url(barePath));
    const bareLoad = (pid: number) => withCpuPerRequest(pid, () => load(bare!.url(barePath)));
    add({ name: 'bare-next', label: 'article markup, bare Next', server: 'bare Next, fresh', result: await bareLoad(bare.pid) });
    // One server action, as in the bare-app figures: does the framework itself slow down?
    const actionId = readActionIds(bare.distDir)('app/like/actions.ts', 'likeAction');
    const like = await callAction({ url: bare.url('/like'), actionId, args: formArguments({}) });
    if (like.status !== 200) throw new Error(`The bare app's action answered ${like.status}.`);
    add({ name: 'bare-next', label: 'article markup, bare Next', server: 'bare Next, after one action', result: await bareLoad(bare.pid) });
  }
  await bare.stop();
  bare = undefined;

  // The JIT's first seconds belong to no route: warm it on the article before measuring.
  await runWrk(wrk, { url: articleUrl, seconds: 2, connections: options.connections, threads: options.threads });
  log('Reader routes on the fresh server…');
  for (const route of readerRoutes(facts, 0)) if (selected(route.name)) add(await runReaderRoute(route, 'Masthead, fresh'));
  if (selected('proxy')) {
    // The shipped deploy/nginx.conf (micro-cache) in front of the app, on the next port up.
    log('Home and article through deploy/nginx.conf…');
    proxy = await startNginxProxy(nginxProgram, options.nginxPort + 1, [`127.0.0.1:${options.appPort}`]);
    for (const [name, path] of [['home', '/'], ['article', `/articles/${facts.hotArticle.slug}`]] as const) {
      await warm(proxy.url(path));
      add({ name: `proxy-${name}`, label: `${name} through deploy/nginx.conf`, server: 'nginx micro-cache → Masthead', result: await load(proxy.url(path)) });
    }
  }
  const memoryAfterFreshRuns = await memory();

  log('Newsroom work (the server becomes a used one)…');
  const newsroom = new Newsroom(server.url, '.next');
  const used = await doNewsroomWork(newsroom, facts, log);
  if (selected('review-queue')) {
    const cookie = { Cookie: used.deskCookie };
    await settle();
    await expectOk(app('/newsroom/review'), 'Review', cookie);
    add({ name: 'review-queue', label: 'review queue (signed-in editor)', server: 'Masthead, used', result: await withCpuPerRequest(server.pid, () => load(app('/newsroom/review'), { headers: cookie })) });
  }
  const notes: string[] = [];
  await settle();
  const publisher = used.editors[0]!;
  const publishToVisible = await measurePublishToVisible({
    newsroom,
    baseUrl: server.url,
    cookie: publisher.cookie,
    userId: publisher.userId,
    articleId: publisher.articleId,
    fields: { ...publisher.fields, sectionId: facts.section.id },
    sectionPath: facts.section.path,
  });
  const second = used.editors[1];
  const publishToVisibleThroughProxy =
    proxy && second
      ? await measurePublishToVisible({
          newsroom,
          baseUrl: proxy.url(''),
          cookie: second.cookie,
          userId: second.userId,
          articleId: second.articleId,
          fields: { ...second.fields, sectionId: facts.section.id },
          sectionPath: facts.section.path,
        })
      : null;
  if (publishToVisibleThroughProxy) log(`Publish to visible through deploy/nginx.conf: ${JSON.stringify(publishToVisibleThroughProxy)}`);
  const memoryAfterNewsroomWork = await memory();
  // A publish expires its tags again 0.4 and 2 s later (lib/cache/expire-in-process.ts), and
  // each time the pages are rendered once more: right after the publishes above, that fell in
  // the first used route's run (home: one 110 ms stall, p99 51-84 ms instead of 20-30). The
  // used rows measure cache hits; the renders a publish causes are what publish-to-visible times.
  await new Promise((done) => setTimeout(done, Math.max(...RE_EXPIRE_AFTER_MS) + 1_000));

  log('Reader routes on the used server…');
  for (const route of readerRoutes(facts, 1)) if (selected(route.name)) add(await runReaderRoute(route, 'Masthead, used'));

  let collab: CollabBenchResult | null = null;
  if (selected('collab')) {
    log('Co-editing: the collaboration server on the bench database…');
    collab = await runCollabBench({ ...COLLAB_DEFAULTS, databaseUrl: server.databaseUrl, port: options.collabPort, seconds: options.collabSeconds, log });
    const lost = collab.lost.editorDocuments + collab.lost.storedDocuments + collab.lost.workingCopies;
    if (lost > 0) notes.push(`Co-editing: ${lost} edits lost (${JSON.stringify(collab.lost)})`);
  }

  const memoryAtTheEnd = await memory();
  const ordered = orderRows(rows);
  notes.push(...ordered.filter((row) => row.note).map((row) => `${row.label} [${row.server}]: ${row.note}`));
  const throughProxy = proxyVerdict(ordered, publishToVisibleThroughProxy);
  if (throughProxy) notes.push(throughProxy);
  const findings: Findings = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown CPU', memoryGiB: Math.round(totalmem() / 2 ** 30), loadBefore, loadAfter: loadavg()[0]! },
    archiveStories: facts.archiveStories,
    connections: options.connections,
    duration: options.duration,
    pageWeight,
    javascript,
    rssMb: { started: memoryStarted.rssMb, afterFreshRuns: memoryAfterFreshRuns.rssMb, afterNewsroomWork: memoryAfterNewsroomWork.rssMb, afterAllRuns: memoryAtTheEnd.rssMb },
    serverMemory: { started: memoryStarted, afterFreshRuns: memoryAfterFreshRuns, afterNewsroomWork: memoryAfterNewsroomWork, afterAllRuns: memoryAtTheEnd },
    publishToVisible,
    searchFirstVisits,
    firstVisitsMs,
    queryPlans,
    notes,
  };
  console.log(`\n${formatTable(ordered)}\n\n${formatFindings(findings)}`);
  if (collab) console.log(`\n${formatCollabResult(collab)}`);

  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  const report = {
    measuredAt: startedAt.toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    node: process.version,
    options: { ...options, only: [...options.only] },
    data: { hotArticle: facts.hotArticle, section: facts.section, author: facts.author, tag: facts.tag },
    rows: ordered,
    markdown: formatMarkdown(ordered),
    ...findings,
    publishToVisibleThroughProxy,
    newsroomWork: { failedSignIns: used.failedSignIns, signIns: used.signIns, storiesStarted: used.storiesStarted, saves: used.saves },
    collab,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
} finally {
  await bare?.stop();
  await nginx?.stop();
  await proxy?.stop();
  await server.stop();
  closeConnections();
  rmSync(scratch, { recursive: true, force: true });
}
// The app's database handle (story-save.ts, the co-editing phase) keeps a pool open.
process.exit(process.exitCode ?? 0);

async function runReaderRoute(route: ReaderRoute, serverLabel: string): Promise<Measured> {
  const url = app(route.path);
  const headers = route.gzip ? GZIP : undefined;
  await settle();
  // The check asks for the last of a list, which the run reaches last (if at all).
  await expectOk(app(route.paths?.at(-1) ?? route.path), route.gzip ? undefined : route.expect, headers);
  if (route.warm) await warm(url, headers);
  const pathsFile = route.paths?.length ? writePathsFile(scratch, route.name, route.paths) : undefined;
  const result = await withCpuPerRequest(server.pid, () => load(url, { headers, pathsFile }));
  const wrapped = route.paths && result.requests > route.paths.length ? ' (the list wrapped: later requests were repeats)' : '';
  const note = route.paths?.length ? `${result.requests} requests over ${route.paths.length} addresses${wrapped}` : undefined;
  return { name: route.name, label: route.label, server: serverLabel, result, gzip: route.gzip, note };
}

async function expectOk(url: string, text?: string, headers?: Record<string, string>) {
  const response = await request(url, { headers });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200.`);
  if (text && !response.body.toString('utf8').includes(text)) throw new Error(`${url} does not show "${text}".`);
  return response;
}

/**
 * Waits until the app answers its health check quickly again: requests still running from
 * the last route (wrk stops waiting for them, the server does not) must not slow the next.
 */
async function settle() {
  const started = performance.now();
  for (let quick = 0; quick < 3 && performance.now() - started < 60_000; ) {
    quick = (await request(app('/api/health'))).ms < 100 ? quick + 1 : 0;
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function warm(url: string, headers?: Record<string, string>) {
  for (let i = 0; i < 5; i++) await request(url, { headers });
}

async function sequentialTimes(urls: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const url of urls) times.push((await expectOk(url)).ms);
  return times;
}

function summarize(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: Math.round(sorted.at(-1) ?? 0) };
}

/** Yardsticks first, then each route with its fresh and used rows together, the newsroom last. */
function orderRows(all: Row[]): Row[] {
  const names = [...new Set(all.map((row) => row.name))];
  const newsroom = new Set(['review-queue']);
  return [...names.filter((n) => !newsroom.has(n)), ...names.filter((n) => newsroom.has(n))].flatMap((name) => all.filter((row) => row.name === name));
}
