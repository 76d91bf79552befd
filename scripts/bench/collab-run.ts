/**
 * The co-editing measurement (issue 15): the collaboration server as its own process on the
 * bench database, `editors` people on `stories` stories typing for `seconds`, and for each
 * edit the time until every other editor of the story has it. Then: is every edit in every
 * editor's document, in the stored document and in the working copy? And the server's
 * memory and CPU along the way. Used by `npm run bench:collab` and `npm run bench`.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startCollabProcess, type CollabProcess } from '../lib/collab-process';
import { prepareCollabData, type CollabEditor } from './collab-data';
import { countMissing, settled, storedText, workingText } from './collab-check';
import { connectEditors, markerText, typeOnce, type EditorClient } from './collab-editors';
import { DeliveryLedger, latencies, missingMarkers, type Latencies } from './collab-stats';
import { processCpuMs, rssMb } from './process-cpu';

const DELAY_RESOLUTION_MS = 5;

/** The issue's size: 50 editors on 10 stories, typing for 30 s, one edit every 200–500 ms each. */
export const COLLAB_DEFAULTS = { editors: 50, stories: 10, seconds: 30, minIntervalMs: 200, maxIntervalMs: 500, port: 3108, servers: 1 };

export type CollabBenchParams = {
  /** The bench database; it becomes this process's DATABASE_URL (the app's functions seed it). */
  databaseUrl: string;
  /** The first server's port; more servers take the next ports. */
  port: number;
  /** Collaboration servers sharing the stories through REDIS_URL (1: one server, Redis or not). */
  servers: number;
  editors: number;
  stories: number;
  seconds: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  log: (line: string) => void;
};

export type CollabBenchResult = {
  editors: number;
  stories: number;
  seconds: number;
  intervalMs: [number, number];
  servers: number;
  sharedThroughRedis: boolean;
  edits: number;
  /** Per edit: until the last other editor of the story saw it. */
  seenByAll: Latencies;
  /** Per edit and receiver. */
  seenByEach: Latencies;
  /** Connections the server closed during the run (the providers reconnect), by close code and reason. */
  closes: Record<string, number>;
  /** Edits some other editor had still not seen 10 s after the typing stopped. */
  undelivered: number;
  /** Markers missing at the end, counted once per place they are missing from. */
  lost: { editorDocuments: number; storedDocuments: number; workingCopies: number };
  /** Summed over the servers. */
  serverRssMb: { idle: number; connected: number; peak: number; afterTyping: number; afterLeaving: number };
  serverCpuMsPerEdit: number;
  serverCpuPercent: number;
  /** The bench process's own event-loop delay (its 50 clients share one thread): part of every figure above. */
  clientEventLoopDelayP99Ms: number;
  loadAverage: { before: number; after: number };
};

export async function runCollabBench(params: CollabBenchParams): Promise<CollabBenchResult> {
  const { log } = params;
  process.env.DATABASE_URL = params.databaseUrl;
  const sharedThroughRedis = Boolean(process.env.REDIS_URL);
  if (params.servers > 1 && !sharedThroughRedis) throw new Error('Several collaboration servers share stories only through Redis: set REDIS_URL.');
  const loadBefore = loadavg()[0]!;
  const data = await prepareCollabData({ editors: params.editors, stories: params.stories, log });
  const secret = randomBytes(32).toString('base64url');
  const servers: CollabProcess[] = [];
  const stopServers = () => Promise.all(servers.map((server) => server.stop()));
  try {
    for (let n = 0; n < params.servers; n++) {
      servers.push(await startCollabProcess({ port: params.port + n, env: { ...process.env, DATABASE_URL: params.databaseUrl, AUTH_SECRET: secret, COLLAB_HOST: '127.0.0.1' }, log }));
    }
  } catch (error) {
    await stopServers();
    throw error;
  }
  const pids = servers.map((server) => server.pid()!);
  const rss = () => pids.reduce((sum, pid) => sum + rssMb(pid), 0);
  const cpuMsNow = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  // A story's editors take turns between the servers (seat 1 on the first, seat 2 on the next…).
  const serverOf = (editor: CollabEditor) => Math.floor(editor.index / params.stories) % params.servers;
  const ledger = new DeliveryLedger();
  let clients: EditorClient[] = [];
  try {
    await new Promise((done) => setTimeout(done, 1000));
    const idle = rss();
    log(`Connecting ${params.editors} editors to ${params.stories} stories…`);
    clients = await connectEditors({ urlFor: (editor) => `ws://127.0.0.1:${params.port + serverOf(editor)}`, secret, editors: data.editors, ledger });
    const connected = rss();
    const receiversOf = new Map(clients.map((c) => [c.editor.index, clients.filter((o) => o.editor.articleId === c.editor.articleId && o !== c).map((o) => o.editor.index)]));

    log(`Typing for ${params.seconds} s (one edit every ${params.minIntervalMs}–${params.maxIntervalMs} ms each)…`);
    let peak = connected;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 500);
    const delay = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS });
    delay.enable();
    const cpuBefore = cpuMsNow();
    const typingStarted = performance.now();
    const deadline = typingStarted + params.seconds * 1000;
    const pause = () => params.minIntervalMs + Math.random() * (params.maxIntervalMs - params.minIntervalMs);
    await Promise.all(
      clients.map(
        (client) =>
          new Promise<void>((done) => {
            let edit = 0;
            const next = () => {
              if (performance.now() >= deadline) return done();
              typeOnce(client, ++edit, receiversOf.get(client.editor.index)!, ledger);
              setTimeout(next, pause());
            };
            setTimeout(next, pause());
          }),
      ),
    );
    const drainUntil = performance.now() + 10_000;
    while (ledger.undelivered > 0 && performance.now() < drainUntil) await new Promise((done) => setTimeout(done, 50));
    const cpuMs = cpuMsNow() - cpuBefore;
    const wallMs = performance.now() - typingStarted;
    delay.disable();
    clearInterval(sampler);
    const afterTyping = rss();
    peak = Math.max(peak, afterTyping);

    const expected = new Map<string, string[]>(data.stories.map((id) => [id, []]));
    for (const client of clients) expected.get(client.editor.articleId)!.push(...client.bodyMarkers, ...(client.deckMarker ? [client.deckMarker] : []));
    const closes: Record<string, number> = {};
    for (const client of clients) for (const close of client.closes) closes[close] = (closes[close] ?? 0) + 1;
    let editorDocuments = 0;
    for (const client of clients) editorDocuments += missingMarkers(expected.get(client.editor.articleId)!, markerText(client.doc)).length;

    log('Everyone leaves; waiting for the stored documents and working copies…');
    for (const client of clients) client.leave();
    clients = [];
    const storedMissing = await settled(() => countMissing(expected, storedText), 30_000);
    const workingMissing = await settled(() => countMissing(expected, workingText), 30_000);
    await new Promise((done) => setTimeout(done, 3000)); // documents unload a moment after the last person leaves
    return {
      editors: params.editors,
      stories: params.stories,
      seconds: params.seconds,
      servers: params.servers,
      intervalMs: [params.minIntervalMs, params.maxIntervalMs],
      sharedThroughRedis,
      edits: ledger.sent,
      seenByAll: latencies(ledger.delivered),
      seenByEach: latencies(ledger.arrivals),
      undelivered: ledger.undelivered,
      closes,
      lost: { editorDocuments, storedDocuments: storedMissing, workingCopies: workingMissing },
      serverRssMb: { idle, connected, peak, afterTyping, afterLeaving: rss() },
      serverCpuMsPerEdit: ledger.sent ? Math.round((cpuMs / ledger.sent) * 100) / 100 : 0,
      serverCpuPercent: Math.round((cpuMs / wallMs) * 100),
      // The histogram holds whole timer intervals: what exceeds the interval is the delay.
      clientEventLoopDelayP99Ms: Math.max(0, Math.round(delay.percentile(99) / 1e5 - DELAY_RESOLUTION_MS * 10) / 10),
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
    };
  } finally {
    for (const client of clients) client.leave();
    await stopServers();
  }
}

/** The figures as lines for the terminal. */
export function formatCollabResult(r: CollabBenchResult): string {
  const l = (x: Latencies) => `p50 ${x.p50Ms} ms, p95 ${x.p95Ms} ms, p99 ${x.p99Ms} ms, max ${x.maxMs} ms (n=${x.count})`;
  const lost = r.lost.editorDocuments + r.lost.storedDocuments + r.lost.workingCopies;
  return [
    `Co-editing: ${r.editors} editors on ${r.stories} stories, ${r.seconds} s, one edit every ${r.intervalMs[0]}–${r.intervalMs[1]} ms each, ${r.servers === 1 ? 'one server' : `${r.servers} servers`}${r.sharedThroughRedis ? ' with REDIS_URL' : ''}`,
    `  edits                         ${r.edits} (${(r.edits / r.seconds).toFixed(0)}/s)`,
    `  seen by every other editor    ${l(r.seenByAll)}`,
    `  seen by each other editor     ${l(r.seenByEach)}`,
    `  not seen by all after 10 s    ${r.undelivered}`,
    `  connections closed by server  ${Object.entries(r.closes).map(([why, n]) => `${n}× ${why}`).join(', ') || 'none'}`,
    `  lost                          ${lost} (editors' documents ${r.lost.editorDocuments}, stored ${r.lost.storedDocuments}, working copies ${r.lost.workingCopies})`,
    `  server RSS MB${r.servers > 1 ? ' (sum)' : '      '}           idle ${r.serverRssMb.idle}, connected ${r.serverRssMb.connected}, peak ${r.serverRssMb.peak}, after typing ${r.serverRssMb.afterTyping}, after everyone left ${r.serverRssMb.afterLeaving}`,
    `  server CPU${r.servers > 1 ? ' (sum)' : '      '}              ${r.serverCpuMsPerEdit} ms per edit, ${r.serverCpuPercent}% of one core`,
    `  bench client event-loop p99   ${r.clientEventLoopDelayP99Ms} ms (all clients share one thread)`,
    `  load average (1 min)          ${r.loadAverage.before.toFixed(2)} before, ${r.loadAverage.after.toFixed(2)} after`,
  ].join('\n');
}
