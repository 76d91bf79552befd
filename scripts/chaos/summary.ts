/** The chaos run's counts, from what readers, editors and the health poller recorded. */
import type { EditorRecords } from './editors';
import type { ReaderKind, ReaderRecord } from './readers';
import { percentiles, type HalfPublished, type LostSave, type Percentiles } from './verify';

type Window = { start: number; end: number; [key: string]: unknown };

export type SummaryInput = {
  readers: ReaderRecord[];
  editors: EditorRecords;
  health: { at: number; status: number }[];
  faults: Record<string, Window>;
  verdict: {
    lostSaves: { checked: number; lost: LostSave[] };
    halfPublished: HalfPublished[];
    readersShownUnpublished: ReaderRecord[];
    scheduledStory: { published: boolean; publishedMsAfterDue: number | null };
  };
  serverLog: { lines: number; errors: number; warnings: number; failedRequestIds: string[]; errorSamples: string[]; other: string[] };
};

const within = (at: number, window?: Window) => !!window && at >= window.start && at <= window.end;
const statusClass = (status: number) => (status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`);

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export function summarize({ readers, editors, health, faults, verdict, serverLog }: SummaryInput) {
  const pg = faults.postgresRestart;
  const kill = faults.appKill;
  const pool = faults.poolExhaustion;
  // A page was cached when it had answered 200 before the database went down.
  const cachedBefore = new Set(readers.filter((r) => pg && r.end < pg.start && r.status === 200 && r.kind !== 'search' && r.kind !== 'view').map((r) => r.path));
  const duringOutage = readers.filter((r) => within(r.start, pg));
  const cachedDuringOutage = duringOutage.filter((r) => cachedBefore.has(r.path));
  const uncachedDuringOutage = duringOutage.filter((r) => !cachedBefore.has(r.path));
  const byKind: Record<string, Percentiles & { statuses: Record<string, number> }> = {};
  for (const kind of ['home', 'article', 'section', 'search', 'view', 'chaos-story'] satisfies ReaderKind[]) {
    const answered = readers.filter((r) => r.kind === kind);
    byKind[kind] = { ...percentiles(answered.filter((r) => r.status > 0).map((r) => r.end - r.start)), statuses: countBy(answered, (r) => statusClass(r.status)) };
  }
  const healthDuring = (window?: Window) => countBy(health.filter((h) => within(h.at, window)), (h) => String(h.status));
  const firstHealthyAfter = pg ? health.find((h) => h.at > pg.end && h.status === 200) : undefined;
  const firstSaveAfterOutage = pg ? editors.acked.filter((s) => s.at > pg.end).sort((a, b) => a.at - b.at)[0] : undefined;
  const editorsRecovered = new Set(editors.acked.filter((s) => pg && s.start > pg.end).map((s) => s.articleId)).size;
  const editorCount = new Set([...editors.acked, ...editors.failures].map((s) => s.articleId)).size;
  const failuresIn = (window?: Window) => countBy(editors.failures.filter((f) => within(f.at, window ? { ...window, end: window.end + 2_000 } : undefined)), (f) => f.message.slice(0, 90));
  const summary = {
    readers: {
      requests: readers.length,
      ...percentiles(readers.filter((r) => r.status > 0).map((r) => r.end - r.start)),
      statuses: countBy(readers, (r) => statusClass(r.status)),
      byKind,
    },
    postgresRestart: pg && {
      seconds: round((pg.end - pg.start) / 1000),
      cachedPageRequests: cachedDuringOutage.length,
      cachedPage5xx: cachedDuringOutage.filter((r) => r.status >= 500).length,
      cachedPageNoAnswer: cachedDuringOutage.filter((r) => r.status === 0).length,
      otherRequests: uncachedDuringOutage.length,
      other5xx: countBy(uncachedDuringOutage.filter((r) => r.status >= 500), (r) => r.kind),
      health: healthDuring({ start: (pg.down as number | undefined) ?? pg.start, end: pg.end }),
      healthy200AfterSeconds: firstHealthyAfter ? round((firstHealthyAfter.at - pg.end) / 1000) : null,
      firstAutosaveAfterSeconds: firstSaveAfterOutage ? round((firstSaveAfterOutage.at - pg.end) / 1000) : null,
      editorsSavedAgain: editorsRecovered,
      saveFailures: failuresIn(pg),
    },
    appKill: kill && {
      secondsDown: round((kill.end - kill.start) / 1000),
      answeringAfterSeconds: typeof kill.answeringAt === 'number' ? round((kill.answeringAt - kill.start) / 1000) : null,
      editorsSavedAgain: new Set(editors.acked.filter((s) => s.start > kill.end).map((s) => s.articleId)).size,
      workflowStepsInFlight: kill.publishesInFlight,
      readerNoAnswer: readers.filter((r) => within(r.start, kill) && r.status === 0).length,
      saveFailures: failuresIn(kill),
      scheduledStory: verdict.scheduledStory,
    },
    poolExhaustion: pool && {
      seconds: round((pool.end - pool.start) / 1000),
      health: healthDuring(pool),
      saveFailures: failuresIn(pool),
      slowestSaveMs: round(Math.max(0, ...editors.saveMs)),
      readerStatuses: countBy(readers.filter((r) => within(r.start, pool)), (r) => statusClass(r.status)),
    },
    autosaves: {
      attempted: editors.acked.length + editors.failures.length,
      acknowledged: editors.acked.length,
      failed: editors.failures.length,
      ...percentiles(editors.saveMs),
      lost: verdict.lostSaves.lost.length,
    },
    workflow: {
      steps: editors.steps.length,
      ok: editors.steps.filter((s) => s.ok).length,
      byName: countBy(editors.steps, (s) => `${s.name} ${s.ok ? 'ok' : 'failed'}`),
      failures: countBy(editors.steps.filter((s) => !s.ok), (s) => (s.message ?? '').slice(0, 90)),
    },
    halfPublished: verdict.halfPublished,
    readersShownUnpublished: verdict.readersShownUnpublished.length,
    serverLog,
    editors: editorCount,
    passed: false,
  };
  summary.passed =
    summary.autosaves.lost === 0 &&
    summary.halfPublished.length === 0 &&
    summary.readersShownUnpublished === 0 &&
    (summary.postgresRestart?.cachedPage5xx ?? 0) === 0 &&
    verdict.scheduledStory.published &&
    // Every editor saved again by themselves after the outage and after the restart.
    (summary.postgresRestart?.editorsSavedAgain ?? editorCount) === editorCount &&
    (summary.appKill?.editorsSavedAgain ?? editorCount) === editorCount;
  return summary;
}

export type Summary = ReturnType<typeof summarize>;

export function formatSummary(s: Summary): string {
  const rows: [string, string][] = [
    ['reader requests', `${s.readers.requests} (${fmt(s.readers.statuses)}), p50 ${s.readers.p50Ms} ms, p99 ${s.readers.p99Ms} ms`],
    ...Object.entries(s.readers.byKind).map(([kind, k]): [string, string] => [`  ${kind}`, `${fmt(k.statuses)}; p99 ${k.p99Ms} ms`]),
    ['autosaves', `${s.autosaves.acknowledged} acknowledged of ${s.autosaves.attempted}, p50 ${s.autosaves.p50Ms} ms, p99 ${s.autosaves.p99Ms} ms`],
    ['acknowledged autosaves lost', String(s.autosaves.lost)],
    ['workflow steps', `${s.workflow.ok} ok of ${s.workflow.steps} (${fmt(s.workflow.byName)})`],
    ['half-published stories', String(s.halfPublished.length)],
    ['readers shown an unpublished story', String(s.readersShownUnpublished)],
  ];
  if (s.postgresRestart) {
    const p = s.postgresRestart;
    rows.push(
      ['PG restart: cached page requests', `${p.cachedPageRequests}, 5xx ${p.cachedPage5xx}, no answer ${p.cachedPageNoAnswer}`],
      ['PG restart: other requests', `${p.otherRequests}, 5xx ${fmt(p.other5xx)}`],
      ['PG restart: /api/health', `${fmt(p.health)}; 200 again ${p.healthy200AfterSeconds} s after start`],
      ['PG restart: autosave', `first ack ${p.firstAutosaveAfterSeconds} s after; ${p.editorsSavedAgain} of ${s.editors} editors saved again by themselves`],
    );
  }
  if (s.appKill) {
    const k = s.appKill;
    rows.push(
      ['SIGKILL: app down', `answering ${k.answeringAfterSeconds} s and healthy ${k.secondsDown} s after the kill; ${k.workflowStepsInFlight} steps in flight, ${k.readerNoAnswer} reader requests unanswered`],
      ['SIGKILL: autosave', `${k.editorsSavedAgain} of ${s.editors} editors saved again by themselves`],
      ['SIGKILL: story due while down', k.scheduledStory.published ? `published ${((k.scheduledStory.publishedMsAfterDue ?? 0) / 1000).toFixed(1)} s after due` : 'NOT published'],
    );
  }
  if (s.poolExhaustion) {
    const p = s.poolExhaustion;
    rows.push(
      ['pool exhausted: /api/health', fmt(p.health)],
      ['pool exhausted: save failures', fmt(p.saveFailures) || 'none'],
      ['pool exhausted: readers', fmt(p.readerStatuses)],
      ['slowest autosave (ms)', String(p.slowestSaveMs)],
    );
  }
  rows.push(['server log', `${s.serverLog.lines} lines, ${s.serverLog.errors} errors, ${s.serverLog.warnings} warnings`], ['result', s.passed ? 'PASSED' : 'FAILED']);
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}

const fmt = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', ');
const round = (n: number) => Math.round(n * 10) / 10;
