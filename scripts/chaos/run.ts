/**
 * `npm run chaos`: the newsroom and the reader site under load while things break.
 *
 * On a throwaway PostgreSQL cluster of its own, builds and starts the app with the demo
 * newsroom and a few thousand archive stories, and the collaboration server as its own
 * process. Then for --seconds (60) 200 readers read and 20 editors type through the
 * collaboration server (a marked paragraph every two seconds each) and publish, update and
 * unpublish, while the run restarts PostgreSQL, kills the app with SIGKILL during a publish
 * (a story falls due while it is down) and starts it again, kills the collaboration server
 * with SIGKILL (its supervisor starts it again), and exhausts the connection pool with a
 * lock. Afterwards it counts what was lost or half-done and prints a table; the figures go to
 * bench/results/chaos-<time>.json. docs/reliability.md has the last run's figures.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { prepareBenchData, readBenchFacts } from '../bench/bench-data';
import { closeConnections, request } from '../bench/http';
import { Newsroom } from '../bench/newsroom';
import { startNextServer, startProductionServer } from '../lib/production-server';
import { superviseCollab, type CollabSupervisor } from './collab-supervisor';
import { watchCpu, type CpuSecond } from './cpu-watch';
import { connectChaosEditors, runEditors, type EditorRecords, type Status } from './editors';
import { prepareChaosNewsroom, saveFirstText } from './newsroom-setup';
import { createChaosPostgres } from './postgres-cluster';
import { runReaders, warmUp, type ReaderRecord, type WatchedStory } from './readers';
import { summarize, formatSummary } from './summary';
import { findHalfPublished, findLostEdits, findReadersShownUnpublished, percentiles } from './verify';

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seconds: { type: 'string', default: '60' },
    readers: { type: 'string', default: '200' },
    stories: { type: 'string', default: '3000' },
    port: { type: 'string', default: '3211' },
    'collab-port': { type: 'string', default: '3212' },
    'pg-port': { type: 'string', default: '55433' },
    folder: { type: 'string', default: '/tmp/masthead-chaos-pg' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const seconds = Number(options.seconds);
const port = Number(options.port);
const began = Date.now();
const log = (line: string) => console.log(`[chaos ${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s] ${line}`);

const cluster = await createChaosPostgres({ folder: options.folder, port: Number(options['pg-port']), log });
// The app and the bench helpers take the database server from DATABASE_URL.
process.env.DATABASE_URL = cluster.url;
// Every reader comes from 127.0.0.1: without this, searches would be refused as too many.
process.env.SEARCH_LIMIT_PER_MINUTE = '1000000';
const serverLog = { lines: 0, errors: 0, warnings: 0, failedRequestIds: [] as string[], errorSamples: [] as string[], other: [] as string[] };
const onServerOutput = (text: string) => {
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    serverLog.lines++;
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; requestId?: string; status?: number; error?: string; code?: string; cause?: { error?: string; code?: string } };
      if (entry.level === 'error') serverLog.errors++;
      if (entry.level !== 'info' && entry.msg !== 'request' && serverLog.errorSamples.length < 30) {
        const code = entry.code ?? entry.cause?.code;
        const cause = entry.cause?.error ? ` (cause: ${entry.cause.error.slice(0, 120)})` : '';
        serverLog.errorSamples.push(`${entry.level} ${entry.msg} [${entry.requestId ?? '-'}]${code ? ` ${code}` : ''}: ${(entry.error ?? '').slice(0, 120)}${cause}`);
      }
      if (entry.level === 'warn') serverLog.warnings++;
      if (entry.msg === 'request' && (entry.status ?? 0) >= 500 && serverLog.failedRequestIds.length < 5 && entry.requestId) serverLog.failedRequestIds.push(entry.requestId);
    } catch {
      if (serverLog.other.length < 20) serverLog.other.push(line.slice(0, 300));
    }
  }
};

let app: ChildProcess | undefined;
let stopFirst: (() => Promise<void>) | undefined;
let collab: CollabSupervisor | undefined;
/** The app being started again after its SIGKILL (until `app` holds it). */
let restarting: Promise<ChildProcess> | undefined;
try {
  const server = await startProductionServer({
    database: 'masthead_rel_chaos',
    port,
    build: !options['skip-build'],
    log,
    prepare: (databaseUrl) => prepareBenchData(databaseUrl, Number(options.stories), log),
    onServerOutput,
    echoServerOutput: false,
  });
  stopFirst = server.stop;
  const { databaseUrl, url } = server;
  // The verification reads stored documents and working copies with the app's own functions.
  process.env.DATABASE_URL = databaseUrl;
  let appPid = server.pid;
  const collabPort = Number(options['collab-port']);
  const secret = randomBytes(32).toString('base64url');
  let clock = () => 0;
  collab = await superviseCollab({ port: collabPort, env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: secret, COLLAB_HOST: '127.0.0.1' }, clock: () => clock(), log });
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {}, connect_timeout: 2 });
  const facts = await readBenchFacts(databaseUrl);
  const newsroom = new Newsroom(url, '.next');
  const work = await prepareChaosNewsroom(newsroom, facts, log);
  const chaosEditors = work.editors;
  const [hot] = await sql`select id from articles where slug = ${facts.hotArticle.slug}`;
  const slugs = await sql`select a.id, r.slug, r.headline from articles a join article_revisions r on r.id = a.current_revision_id where a.id = any(${chaosEditors.map((e) => e.articleId)}::uuid[])`;

  // A story that falls due while the app is down: the scheduler must publish it on restart.
  const scheduledHeadline = `Scheduled while the app was down ${Date.now().toString(36)}`;
  const scheduledId = await newsroom.createStory(work.deskCookie, scheduledHeadline, facts.section.id);
  const scheduledVersion = await saveFirstText(work.desk, scheduledId, { ...facts.draft, headline: scheduledHeadline, slug: '', bylineIds: [work.desk.id] });

  // A running site has its pages cached: every address readers ask for is asked once first.
  await warmUp(url, facts, log);
  const editorClients = await connectChaosEditors(`ws://127.0.0.1:${collabPort}`, secret, chaosEditors);
  log(`${editorClients.length} editors connected to the collaboration server.`);

  const t0 = performance.now();
  clock = () => performance.now() - t0;
  const until = seconds * 1000;
  const watched: WatchedStory[] = slugs.map((row) => ({ articleId: row.id as string, slug: row.slug as string, headline: row.headline as string }));
  const inFlight = { publishes: 0 };
  const cpu = watchCpu(() => ({ app: appPid, collab: collab?.pid() }), clock);
  const faults: Record<string, { start: number; end: number; [key: string]: unknown }> = {};
  const health: { at: number; status: number }[] = [];

  const pollHealth = async () => {
    while (clock() < until + 5_000) {
      const at = clock();
      const status = await request(`${url}/api/health`, { timeoutMs: 3_000 }).then((r) => r.status, () => 0);
      health.push({ at, status });
      await sleep(250);
    }
  };
  const sleepUntil = (ms: number) => sleep(Math.max(0, ms - clock()));

  // What the app's connections are doing, once a second: working, idle, or waiting on a lock.
  const database: { at: number; connections: Record<string, number>; longest?: string }[] = [];
  const watchDatabase = async () => {
    while (clock() < until) {
      const at = clock();
      const rows = await sql`
        select state, coalesce(wait_event_type, '-') as wait, round(extract(epoch from now() - query_start) * 1000)::int as ms, left(query, 80) as query
        from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`.catch(() => []);
      const connections: Record<string, number> = {};
      for (const row of rows) connections[`${row.state}/${row.wait}`] = (connections[`${row.state}/${row.wait}`] ?? 0) + 1;
      const longest = [...rows].filter((row) => row.state !== 'idle').sort((a, b) => (b.ms as number) - (a.ms as number))[0];
      database.push({ at, connections, ...(longest ? { longest: `${longest.ms} ms ${longest.wait}: ${longest.query}` } : {}) });
      await sleep(1_000);
    }
  };

  // 1. PostgreSQL stops (fast shutdown: connections cut), stays down 5 s, starts again.
  const restartPostgres = async () => {
    await sleepUntil(until * 0.15);
    const pgStart = clock();
    await cluster.stop();
    const pgDown = clock();
    await sleep(5_000);
    await cluster.start();
    faults.postgresRestart = { start: pgStart, down: pgDown, end: clock() };
    log(`PostgreSQL restarted (${((clock() - pgStart) / 1000).toFixed(1)} s).`);
  };

  // 2. The app is killed during a publish, with a story due while it is down, and started again.
  const killApp = async () => {
    await sleepUntil(killPlannedAt);
    const waitFrom = clock();
    while (inFlight.publishes === 0 && clock() - waitFrom < 5_000) await sleep(5);
    const publishesInFlight = inFlight.publishes;
    const killAt = clock();
    process.kill(appPid, 'SIGKILL');
    log(`App killed with SIGKILL (${publishesInFlight} workflow steps in flight).`);
    await sleep(Math.max(0, scheduleDueAt + 1_000 - Date.now()));
    const restartAt = clock();
    const starting = startNextServer({ databaseUrl, port, onServerOutput, echo: false, env: { SEARCH_LIMIT_PER_MINUTE: '1000000' } });
    restarting = starting;
    // Apart: the server accepting connections, its first answer (any status, however slow:
    // a fresh process renders every page again, for 200 readers), and its first 200.
    let listeningAt: number | null = null;
    while (listeningAt === null && clock() - restartAt < 60_000) {
      if (await listening(port)) listeningAt = clock();
      else await sleep(50);
    }
    const probedAt = clock();
    const firstAnswer = await request(`${url}/api/health`, { timeoutMs: 60_000 }).then((r) => ({ at: clock(), status: r.status }), () => null);
    app = await starting;
    appPid = app.pid!;
    const answeringAt = firstAnswer?.at ?? null;
    faults.appKill = { start: killAt, end: clock(), restartAt, listeningAt, probedAt, answeringAt, firstAnswerStatus: firstAnswer?.status ?? null, publishesInFlight, scheduled, dueAt: scheduleDueAt - Date.now() + clock() };
    const after = (at: number | null, from: number) => (at === null ? 'never' : `${((at - from) / 1000).toFixed(1)} s`);
    log(`App started again ${after(restartAt, killAt)} after the kill (the story due meanwhile); listening ${after(listeningAt, restartAt)}, first answer (${firstAnswer?.status ?? 'none'}) ${after(answeringAt, restartAt)} and healthy ${after(clock(), restartAt)} after that.`);
  };

  // 3. The collaboration server is killed; its supervisor starts it again, and the editors' connections come back by themselves.
  const killCollab = async () => {
    await sleepUntil(until * 0.6);
    const killedPid = collab!.pid();
    const start = clock();
    if (killedPid === undefined) {
      log('The collaboration server was not running when it was to be killed.');
      faults.collabKill = { start, end: start, notRunning: true };
      return;
    }
    process.kill(killedPid, 'SIGKILL');
    log('Collaboration server killed with SIGKILL.');
    while (clock() - start < 60_000 && !(collab!.pid() !== killedPid && (await listening(collabPort)))) await sleep(50);
    faults.collabKill = { start, end: clock() };
    log(`Collaboration server listening again ${((clock() - start) / 1000).toFixed(1)} s after the kill.`);
  };

  // 4. A lock holds up every save: the pool's connections wait on it, and more requests
  // than connections wait for the pool. They must fail as busy, not hang.
  const exhaustPool = async () => {
    await sleepUntil(until * 0.75);
    const lockStart = clock();
    const locker = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await locker
      .begin(async (tx) => {
        await tx`lock table article_revisions in access exclusive mode`;
        await tx`select pg_sleep(8)`;
      })
      .catch((error: Error) => log(`The lock failed: ${error.message}`));
    await locker.end();
    faults.poolExhaustion = { start: lockStart, end: clock() };
    log('Lock released.');
  };

  // A story is scheduled to go out three seconds after the app is killed; the app stays down past that.
  const killPlannedAt = until * 0.4;
  const scheduleDueAt = Date.now() + killPlannedAt + 3_000;
  const scheduled = await newsroom
    .transition(work.deskCookie, scheduledId, 'scheduleAction', { version: String(scheduledVersion), scheduledFor: siteLocalTime(new Date(scheduleDueAt)) })
    .then(() => true, (error: Error) => (log(`Scheduling failed: ${error.message}`), false));
  log(`Load: ${options.readers} readers and ${chaosEditors.length} editors for ${seconds} s, with faults.`);
  const [readers, editors] = await Promise.all([
    runReaders({ baseUrl: url, readers: Number(options.readers), until, clock, facts, watched: () => watched, hotArticleId: hot!.id as string }),
    runEditors({
      newsroom,
      editors: chaosEditors,
      clients: editorClients,
      until,
      clock,
      lastFaultEnd: () => Math.max(faults.postgresRestart?.end ?? until, faults.appKill?.end ?? until, faults.collabKill?.end ?? until),
      inFlight,
      readStatus: async (articleId) => {
        const [row] = await sql`select status::text as status from articles where id = ${articleId}`;
        return (row?.status as Status | undefined) ?? null;
      },
    }),
    pollHealth(),
    watchDatabase(),
    restartPostgres(),
    killApp(),
    killCollab(),
    exhaustPool(),
  ]);
  cpu.stop();
  log('Load over; checking the database.');

  // The scheduler should have published the story that fell due while the app was down.
  let scheduledPublishedAfterMs: number | null = null;
  for (let i = 0; i < 60; i++) {
    const [row] = await sql`select status::text as status, published_at from articles where id = ${scheduledId}`;
    if (row?.status === 'published') {
      scheduledPublishedAfterMs = (row.published_at as Date).getTime() - (Number(faults.appKill?.dueAt ?? 0) - clock() + Date.now());
      break;
    }
    await sleep(500);
  }
  const storyIds = [...work.editors.map((e) => e.articleId), scheduledId];
  const verdict = {
    lostEdits: await findLostEdits(editors.edits),
    halfPublished: await findHalfPublished(sql, storyIds),
    readersShownUnpublished: findReadersShownUnpublished(readers, editors.steps),
    scheduledStory: { published: scheduledPublishedAfterMs !== null, publishedMsAfterDue: scheduledPublishedAfterMs },
  };
  await sql.end();
  const summary = summarize({ readers, editors, health, faults, verdict, serverLog, collabRestarts: collab.restarts, collabExits: collab.exits });
  console.log(formatSummary(summary));
  console.log(cpuLine(cpu.seconds));
  const results = join('bench', 'results');
  mkdirSync(results, { recursive: true });
  const file = join(results, `chaos-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: cpus().length, loadAverageAfter: loadavg()[0], shared: 'the machine was shared with other work during the run' };
  writeFileSync(file, JSON.stringify({ startedAt: new Date(began).toISOString(), seconds, readers: Number(options.readers), editors: chaosEditors.length, stories: facts.archiveStories, machine, summary, faults, details: { ...runDetails(readers, editors, health), database, cpu: cpu.seconds } }, null, 2));
  log(`Figures written to ${file}.`);
  process.exitCode = summary.passed ? 0 : 1;
} finally {
  closeConnections();
  // A run that failed while the app was being started again would otherwise leave it running.
  const late = app ? undefined : await restarting?.catch(() => undefined);
  if (late && late.exitCode === null) late.kill('SIGKILL');
  if (app && app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((done) => app!.once('exit', done));
  }
  await collab?.stop().catch(() => {});
  await stopFirst?.().catch(() => {});
  await cluster.destroy();
}

/** Enough of the raw records to see what happened when, without every reader request. */
function runDetails(readers: ReaderRecord[], editors: EditorRecords, health: { at: number; status: number }[]) {
  const unanswered: Record<string, ReaderRecord[]> = {};
  for (const read of readers) {
    const samples = (unanswered[read.kind] ??= []);
    if ((read.status === 0 || read.status >= 500) && samples.length < 5) samples.push(read);
  }
  const perSecond: Record<number, Record<string, number>> = {};
  const latencies: Record<number, number[]> = {};
  for (const read of readers) {
    const second = Math.floor(read.start / 1000);
    const bucket = (perSecond[second] ??= {});
    const key = read.status === 0 ? 'none' : String(read.status);
    bucket[key] = (bucket[key] ?? 0) + 1;
    if (read.status > 0 && read.kind !== 'view') (latencies[second] ??= []).push(read.end - read.start);
  }
  // Pages (not the view beacon) by the second they were asked for: when readers waited.
  const pageMsPerSecond = Object.fromEntries(Object.entries(latencies).map(([second, ms]) => [second, (({ count, p50Ms, maxMs }) => ({ count, p50Ms, maxMs }))(percentiles(ms))]));
  const unacknowledged = editors.edits.filter((e) => e.ackedAt === null);
  // Acknowledged late: when made and when the provider's count came back to 0.
  const slowAcks = editors.edits.filter((e) => e.ackedAt !== null && e.ackedAt - e.madeAt > 2_000).map((e) => ({ marker: e.marker, madeAt: Math.round(e.madeAt), ackedAt: Math.round(e.ackedAt!) }));
  return { health, unacknowledgedEdits: unacknowledged.slice(0, 20), slowAcks, collabEvents: editors.events, steps: editors.steps, unanswered, readerStatusesPerSecond: perSecond, pageMsPerSecond };
}

/** Medians over the load's seconds: how busy the machine was, and who used it. */
function cpuLine(seconds: CpuSecond[]): string {
  const median = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
    return known.length ? `${known[Math.floor(known.length / 2)]} %` : '–';
  };
  return `CPU (median second of the load): machine ${median(seconds.map((s) => s.machinePercent))} of all cores busy; app ${median(seconds.map((s) => s.appPercent))}, collaboration server ${median(seconds.map((s) => s.collabPercent))}, load generator ${median(seconds.map((s) => s.loadPercent))} of one core`;
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A wall-clock time in the site's zone, as the schedule form sends it. */
function siteLocalTime(date: Date, timeZone = 'Asia/Seoul'): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(date)
    .replace(' ', 'T');
}
