/** The chaos run's counts, from what readers, editors and the health poller recorded. */
import type { EditorRecords, Step } from './editors';
import type { ReaderKind, ReaderRecord } from './readers';
import { percentiles, type HalfPublished, type LostEdits, type Percentiles } from './verify';

type Window = { start: number; end: number; [key: string]: unknown };

export type SummaryInput = {
  readers: ReaderRecord[];
  editors: EditorRecords;
  health: { at: number; status: number }[];
  faults: Record<string, Window>;
  verdict: {
    lostEdits: LostEdits;
    halfPublished: HalfPublished[];
    readersShownUnpublished: ReaderRecord[];
    scheduledStory: { published: boolean; publishedMsAfterDue: number | null };
  };
  /** Starts of the collaboration server by the supervisor (after a start by its own restart failed). */
  collabRestarts: { at: number; why: string }[];
  /** Each time the collaboration server stopped (the run's SIGKILL included). */
  collabExits: { at: number; how: string }[];
  serverLog: { lines: number; errors: number; warnings: number; failedRequestIds: string[]; errorSamples: string[]; other: string[] };
};

const within = (at: number, window?: Window) => !!window && at >= window.start && at <= window.end;
const statusClass = (status: number) => (status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`);

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export function summarize({ readers, editors, health, faults, verdict, serverLog, collabRestarts, collabExits }: SummaryInput) {
  const pg = faults.postgresRestart;
  const kill = faults.appKill;
  const pool = faults.poolExhaustion;
  const collabKill = faults.collabKill;
  const acked = editors.edits.filter((e) => e.ackedAt !== null);
  const ackMs = acked.map((e) => e.ackedAt! - e.madeAt);
  // Editors with an edit made after `end` that the server acknowledged: they typed on by themselves.
  const editorsAckedAfter = (end: number) => new Set(acked.filter((e) => e.madeAt > end).map((e) => e.articleId)).size;
  // A page was cached when it had answered 200 before the database went down.
  const outage = pg ? outageReads(readers, editors.steps, pg) : { cached: [], expiredByPublish: [], uncached: [] };
  const cachedDuringOutage = outage.cached;
  const uncachedDuringOutage = outage.uncached;
  const byKind: Record<string, Percentiles & { statuses: Record<string, number> }> = {};
  for (const kind of ['home', 'article', 'section', 'search', 'view', 'chaos-story'] satisfies ReaderKind[]) {
    const answered = readers.filter((r) => r.kind === kind);
    byKind[kind] = { ...percentiles(answered.filter((r) => r.status > 0).map((r) => r.end - r.start)), statuses: countBy(answered, (r) => statusClass(r.status)) };
  }
  const healthDuring = (window?: Window) => countBy(health.filter((h) => within(h.at, window)), (h) => String(h.status));
  const firstHealthyAfter = pg ? health.find((h) => h.at > pg.end && h.status === 200) : undefined;
  const firstAckAfterOutage = pg ? acked.filter((e) => e.ackedAt! > pg.end).sort((a, b) => a.ackedAt! - b.ackedAt!)[0] : undefined;
  const editorCount = new Set(editors.edits.map((e) => e.articleId)).size;
  // What the collaboration server said and how connections went, during a fault and 2 s after.
  const eventsIn = (window?: Window) => countBy(editors.events.filter((e) => within(e.at, window ? { ...window, end: window.end + 2_000 } : undefined)), (e) => e.what);
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
      expiredByPublishRequests: outage.expiredByPublish.length,
      expiredByPublish5xx: outage.expiredByPublish.filter((r) => r.status >= 500).length,
      otherRequests: uncachedDuringOutage.length,
      other5xx: countBy(uncachedDuringOutage.filter((r) => r.status >= 500), (r) => r.kind),
      health: healthDuring({ start: (pg.down as number | undefined) ?? pg.start, end: pg.end }),
      healthy200AfterSeconds: firstHealthyAfter ? round((firstHealthyAfter.at - pg.end) / 1000) : null,
      firstAckAfterSeconds: firstAckAfterOutage ? round((firstAckAfterOutage.ackedAt! - pg.end) / 1000) : null,
      editorsSavedAgain: editorsAckedAfter(pg.end),
      collabEvents: eventsIn(pg),
    },
    appKill: kill && {
      secondsDown: round((kill.end - kill.start) / 1000),
      answeringAfterSeconds: typeof kill.answeringAt === 'number' ? round((kill.answeringAt - kill.start) / 1000) : null,
      /** From the kill to `next start` again: the run waits for the scheduled story to fall due. */
      restartedAfterSeconds: typeof kill.restartAt === 'number' ? round((kill.restartAt - kill.start) / 1000) : null,
      /** From `next start` to accepting connections, and to its first answer (any status). */
      listeningAfterRestartSeconds: typeof kill.restartAt === 'number' && typeof kill.listeningAt === 'number' ? round((kill.listeningAt - kill.restartAt) / 1000) : null,
      firstAnswerAfterRestartSeconds: typeof kill.restartAt === 'number' && typeof kill.answeringAt === 'number' ? round((kill.answeringAt - kill.restartAt) / 1000) : null,
      editorsSavedAgain: editorsAckedAfter(kill.end),
      workflowStepsInFlight: kill.publishesInFlight,
      readerNoAnswer: readers.filter((r) => within(r.start, kill) && r.status === 0).length,
      scheduledStory: verdict.scheduledStory,
    },
    collabCrashes: {
      /** Exits the run did not cause (outside its SIGKILL). */
      crashes: collabExits.filter((e) => !within(e.at, collabKill ? { ...collabKill, end: collabKill.end + 1_000 } : undefined)).map((e) => ({ at: round(e.at / 1000), how: e.how })),
      restartsBySupervisor: collabRestarts.length,
    },
    collabKill: collabKill && {
      notRunning: collabKill.notRunning === true,
      secondsUntilListening: round((collabKill.end - collabKill.start) / 1000),
      editorsSavedAgain: editorsAckedAfter(collabKill.end),
      collabEvents: eventsIn(collabKill),
    },
    poolExhaustion: pool && {
      seconds: round((pool.end - pool.start) / 1000),
      health: healthDuring(pool),
      collabEvents: eventsIn(pool),
      slowestAckMs: round(Math.max(0, ...ackMs)),
      readerStatuses: countBy(readers.filter((r) => within(r.start, pool)), (r) => statusClass(r.status)),
    },
    edits: {
      typed: editors.edits.length,
      acknowledged: acked.length,
      ...percentiles(ackMs),
      lostFromStoredDocuments: verdict.lostEdits.fromStoredDocuments.length,
      lostFromWorkingCopies: verdict.lostEdits.fromWorkingCopies.length,
      unacknowledgedNotStored: verdict.lostEdits.unacknowledgedNotStored,
      workingCopiesSaved: editors.savedMessages,
      skippedWhileReadOnly: editors.skippedWhileReadOnly,
      flushes: editors.flushes,
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
    summary.edits.lostFromStoredDocuments === 0 &&
    summary.edits.lostFromWorkingCopies === 0 &&
    summary.halfPublished.length === 0 &&
    summary.readersShownUnpublished === 0 &&
    (summary.postgresRestart?.cachedPage5xx ?? 0) === 0 &&
    verdict.scheduledStory.published &&
    // Every editor saved again by themselves after the outage and after the restart.
    (summary.postgresRestart?.editorsSavedAgain ?? editorCount) === editorCount &&
    (summary.appKill?.editorsSavedAgain ?? editorCount) === editorCount &&
    (summary.collabKill?.editorsSavedAgain ?? editorCount) === editorCount &&
    summary.collabCrashes.crashes.length === 0;
  return summary;
}

export type Summary = ReturnType<typeof summarize>;

/** After an expiry the app marks the tags expired again, up to this long after (lib/cache/expire-in-process.ts). */
const RE_EXPIRE_MS = 2_000;

/**
 * Reader requests made while PostgreSQL was down: for pages that had answered 200 before
 * (cached), until the first publish, update or unpublish that succeeded from just before
 * the outage on was sent (it expires the lists and story pages, which then cannot be rendered);
 * cached pages asked for after that; and pages that were never cached.
 */
export function outageReads(readers: ReaderRecord[], steps: Step[], pg: Window) {
  const cachedBefore = new Set(readers.filter((r) => r.end < pg.start && r.status === 200 && r.kind !== 'search' && r.kind !== 'view').map((r) => r.path));
  // A step expires the pages when it commits, at some moment between its start and its answer.
  const expiredAt = Math.min(...steps.filter((s) => s.ok && s.end >= pg.start - RE_EXPIRE_MS).map((s) => s.start));
  const during = readers.filter((r) => within(r.start, pg));
  return {
    cached: during.filter((r) => cachedBefore.has(r.path) && r.start < expiredAt),
    expiredByPublish: during.filter((r) => cachedBefore.has(r.path) && r.start >= expiredAt),
    uncached: during.filter((r) => !cachedBefore.has(r.path)),
  };
}

export function formatSummary(s: Summary): string {
  const rows: [string, string][] = [
    ['reader requests', `${s.readers.requests} (${fmt(s.readers.statuses)}), p50 ${s.readers.p50Ms} ms, p99 ${s.readers.p99Ms} ms`],
    ...Object.entries(s.readers.byKind).map(([kind, k]): [string, string] => [`  ${kind}`, `${fmt(k.statuses)}; p99 ${k.p99Ms} ms`]),
    ['edits (co-editing)', `${s.edits.acknowledged} acknowledged of ${s.edits.typed} typed; acknowledged after p50 ${s.edits.p50Ms} ms, p99 ${s.edits.p99Ms} ms, max ${s.edits.maxMs} ms`],
    ['acknowledged edits lost', `${s.edits.lostFromStoredDocuments} from the stored documents, ${s.edits.lostFromWorkingCopies} from the working copies`],
    ['unacknowledged edits not stored', String(s.edits.unacknowledgedNotStored)],
    ['edits not typed (read-only)', String(s.edits.skippedWhileReadOnly)],
    ['working copies saved / flushes', `${s.edits.workingCopiesSaved} 'saved' messages; flushes ${s.edits.flushes.ok} ok, ${s.edits.flushes.failed} failed`],
    ['workflow steps', `${s.workflow.ok} ok of ${s.workflow.steps} (${fmt(s.workflow.byName)})`],
    ['half-published stories', String(s.halfPublished.length)],
    ['readers shown an unpublished story', String(s.readersShownUnpublished)],
  ];
  if (s.postgresRestart) {
    const p = s.postgresRestart;
    rows.push(
      ['PG restart: cached page requests', `${p.cachedPageRequests}, 5xx ${p.cachedPage5xx}, no answer ${p.cachedPageNoAnswer}`],
      ['PG restart: pages a publish expired', `${p.expiredByPublishRequests}, 5xx ${p.expiredByPublish5xx} (cached, but a publish committed as the database went down expired them)`],
      ['PG restart: other requests', `${p.otherRequests}, 5xx ${fmt(p.other5xx) || 'none'}`],
      ['PG restart: /api/health', `${fmt(p.health)}; 200 again ${p.healthy200AfterSeconds} s after start`],
      ['PG restart: edits', `first ack ${p.firstAckAfterSeconds} s after; ${p.editorsSavedAgain} of ${s.editors} editors' new edits acknowledged; ${fmt(p.collabEvents) || 'no server messages'}`],
    );
  }
  if (s.appKill) {
    const k = s.appKill;
    rows.push(
      ['SIGKILL: app down', `answering ${k.answeringAfterSeconds} s and healthy ${k.secondsDown} s after the kill; ${k.workflowStepsInFlight} steps in flight, ${k.readerNoAnswer} reader requests unanswered`],
      ['SIGKILL: restart', `started again ${k.restartedAfterSeconds} s after the kill; listening ${k.listeningAfterRestartSeconds} s and first answer ${k.firstAnswerAfterRestartSeconds} s after that`],
      ['SIGKILL app: edits', `${k.editorsSavedAgain} of ${s.editors} editors' new edits acknowledged`],
      ['SIGKILL: story due while down', k.scheduledStory.published ? `published ${((k.scheduledStory.publishedMsAfterDue ?? 0) / 1000).toFixed(1)} s after due` : 'NOT published'],
    );
  }
  if (s.collabKill) {
    const c = s.collabKill;
    if (c.notRunning) rows.push(['SIGKILL collab server', 'not running at the time (crashed before)']);
    else rows.push(['SIGKILL collab server', `listening again ${c.secondsUntilListening} s after; ${c.editorsSavedAgain} of ${s.editors} editors' new edits acknowledged; ${fmt(c.collabEvents)}`]);
  }
  if (s.poolExhaustion) {
    const p = s.poolExhaustion;
    rows.push(
      ['pool exhausted: /api/health', fmt(p.health)],
      ['pool exhausted: collab events', fmt(p.collabEvents) || 'none'],
      ['pool exhausted: readers', fmt(p.readerStatuses)],
      ['slowest acknowledgement (ms)', String(p.slowestAckMs)],
    );
  }
  rows.push(['collab server crashes (not the SIGKILL)', s.collabCrashes.crashes.map((c) => `at ${c.at} s (${c.how})`).join(', ') || 'none']);
  rows.push(['collab server restarted by the supervisor', `${s.collabCrashes.restartsBySupervisor} times (its own restart had failed)`]);
  rows.push(['server log', `${s.serverLog.lines} lines, ${s.serverLog.errors} errors, ${s.serverLog.warnings} warnings`], ['result', s.passed ? 'PASSED' : 'FAILED']);
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n');
}

const fmt = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', ');
const round = (n: number) => Math.round(n * 10) / 10;
