/** The bench's one table, and its figures as JSON. */
import type { LoadResult } from './wrk';
import type { ServerMemory } from './server-memory';

export type Row = {
  /** The route's name, as `--only` takes it. */
  name: string;
  label: string;
  /** nginx, bare Next, or Masthead fresh / used. */
  server: string;
  result: LoadResult;
  /** The row it is compared with: the static file, as is or gzipped. */
  yardstick: 'static' | 'static-gzip';
  note?: string;
};

const whole = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(1) : whole(n));

/** The row's req/s as a share of its yardstick's (the static file), or null when either is missing. */
export function share(row: Row, rows: Row[]): number | null {
  const yardstick = rows.find((r) => r.name === row.yardstick);
  if (!yardstick || row.result.perSecond === 0 || yardstick.result.perSecond === 0) return null;
  return row.result.perSecond / yardstick.result.perSecond;
}

/**
 * Decimals down to a third, so a share near a bar of 1/2 is never rounded across it
 * (0.46 once showed as "1/2"); fractions below that.
 */
export function ratio(row: Row, rows: Row[]): string {
  const part = share(row, rows);
  if (part === null) return '—';
  return part > 1 / 3 ? `${part.toFixed(2)}×` : `1/${whole(1 / part)}`;
}

/** Issue 12's bar through the shipped proxy: each page at least half of nginx's static file, p99 at most 20 ms, a publish visible within 2 s. */
export const PROXY_BAR = { share: 0.5, p99Ms: 20, visibleMs: 2_000 };

type Visible = { articleMs: number | null; homeMs: number | null; sectionMs: number | null };

/** One sentence: the proxy's rows and publish-to-visible against PROXY_BAR, and whether all of it is met. */
export function proxyVerdict(rows: Row[], visible: Visible | null): string | null {
  const pages = rows.filter((row) => row.name.startsWith('proxy-'));
  if (pages.length === 0) return null;
  const misses: string[] = [];
  const parts = pages.map((row) => {
    const part = share(row, rows);
    if (part === null || part < PROXY_BAR.share) misses.push(`${row.label} at ${ratio(row, rows)} of the static file`);
    if (row.result.p99Ms > PROXY_BAR.p99Ms) misses.push(`${row.label} p99 ${ms(row.result.p99Ms)} ms`);
    if (row.result.statusErrors + row.result.socketErrors > 0) misses.push(`${row.label} with errors`);
    return `${row.label} ${ratio(row, rows)}, p99 ${ms(row.result.p99Ms)} ms`;
  });
  if (visible) {
    const times = Object.entries({ article: visible.articleMs, home: visible.homeMs, section: visible.sectionMs });
    for (const [page, time] of times) if (time === null || time > PROXY_BAR.visibleMs) misses.push(`publish on the ${page} page ${time === null ? 'never seen' : `${Math.round(time)} ms`}`);
    parts.push(`publish visible ${times.map(([page, time]) => `${page} ${time === null ? 'never' : `${Math.round(time)} ms`}`).join(', ')}`);
  } else {
    misses.push('publish to visible through the proxy not measured');
  }
  const bar = `≥ ${PROXY_BAR.share.toFixed(2)}× nginx's static file, p99 ≤ ${PROXY_BAR.p99Ms} ms, publish visible ≤ ${PROXY_BAR.visibleMs / 1000} s`;
  return `Through deploy/nginx.conf (bar: ${bar}): ${parts.join('; ')}. ${misses.length ? `NOT MET: ${misses.join('; ')}.` : 'Met.'}`;
}

/** The server's CPU time per request (not measured for nginx, whose work is in its workers). */
const cpu = (row: Row) => (row.result.cpuMsPerRequest === undefined ? '—' : row.result.cpuMsPerRequest.toFixed(2));

export function formatTable(rows: Row[]): string {
  const header = ['route', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'bytes/resp', 'vs static', 'CPU ms/req'];
  const body = rows.map((row) => [
    row.label,
    row.server,
    whole(row.result.perSecond),
    ms(row.result.p50Ms),
    ms(row.result.p99Ms),
    whole(row.result.statusErrors + row.result.socketErrors),
    whole(row.result.bytesPerResponse),
    ratio(row, rows),
    cpu(row),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7, 8]);
  const line = (cells: string[]) => cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function formatMarkdown(rows: Row[]): string {
  const lines = ['| route | server | req/s | p50 ms | p99 ms | errors | bytes/resp | vs static | CPU ms/req |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const row of rows) {
    const errors = row.result.statusErrors + row.result.socketErrors;
    lines.push(`| ${row.label} | ${row.server} | ${whole(row.result.perSecond)} | ${ms(row.result.p50Ms)} | ${ms(row.result.p99Ms)} | ${whole(errors)} | ${whole(row.result.bytesPerResponse)} | ${ratio(row, rows)} | ${cpu(row)} |`);
  }
  return lines.join('\n');
}

export type Findings = {
  machine: { cpus: number; model: string; memoryGiB: number; loadBefore: number; loadAfter: number };
  archiveStories: number;
  connections: number;
  duration: number;
  pageWeight: Record<'article' | 'home' | 'bareNextArticle' | 'staticArticle', { htmlBytes: number; gzipBytes: number }>;
  javascript: Record<'article' | 'home' | 'bareNext', { files: number; gzipBytes: number }>;
  rssMb: { started: number; afterFreshRuns: number; afterNewsroomWork: number; afterAllRuns: number };
  /** The same moments with V8's heap and the peak RSS (server-memory.ts). */
  serverMemory: Record<keyof Findings['rssMb'], ServerMemory>;
  publishToVisible: { actionMs: number; articleMs: number | null; homeMs: number | null; sectionMs: number | null };
  searchFirstVisits: { p50: number; p95: number; max: number };
  firstVisitsMs: Record<string, number>;
  queryPlans: Record<string, { ms: number; seqScanOnArticles: boolean }>;
  notes: string[];
};

/** Where the RSS readings' memory is: V8's heap, in use (live or garbage not yet collected) and committed, and the peak. */
export function formatServerMemory(memory: Findings['serverMemory']): string {
  const at = (m: ServerMemory) => (m.heapUsedMb === null || m.heapTotalMb === null ? 'not read' : `${m.heapUsedMb} of ${m.heapTotalMb} MB (${m.rssMb - m.heapTotalMb} MB of RSS outside it)`);
  const { started, afterFreshRuns, afterNewsroomWork, afterAllRuns } = memory;
  return `V8 heap in use of committed: ${at(started)} at start, ${at(afterFreshRuns)} after the fresh runs, ${at(afterNewsroomWork)} after the newsroom work, ${at(afterAllRuns)} at the end; peak RSS ${afterAllRuns.peakRssMb} MB.`;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const seen = (value: number | null) => (value === null ? 'not within 30 s' : `${Math.round(value)} ms`);

/** Everything else the bench measured, in sentences under the table. */
export function formatFindings(f: Findings): string {
  const { pageWeight: w, javascript: js, rssMb: rss, publishToVisible: p } = f;
  return [
    `Machine: ${f.machine.cpus} × ${f.machine.model}, ${f.machine.memoryGiB} GiB; load average ${f.machine.loadBefore.toFixed(1)} before, ${f.machine.loadAfter.toFixed(1)} after.`,
    `Data: ${f.archiveStories.toLocaleString('en-US')} archive stories plus the demo newsroom; ${f.connections} connections, ${f.duration} s per route.`,
    `HTML: article ${kib(w.article.htmlBytes)} (gzip ${kib(w.article.gzipBytes)}), home ${kib(w.home.htmlBytes)} (gzip ${kib(w.home.gzipBytes)}), bare Next article ${kib(w.bareNextArticle.htmlBytes)} (gzip ${kib(w.bareNextArticle.gzipBytes)}), static file ${kib(w.staticArticle.htmlBytes)}.`,
    `JavaScript (gzip): article ${kib(js.article.gzipBytes)} in ${js.article.files} files, home ${kib(js.home.gzipBytes)} in ${js.home.files}, bare Next page ${kib(js.bareNext.gzipBytes)} in ${js.bareNext.files}; article minus bare Next ${kib(js.article.gzipBytes - js.bareNext.gzipBytes)}.`,
    `Server RSS: ${rss.started} MB at start, ${rss.afterFreshRuns} MB after the fresh runs, ${rss.afterNewsroomWork} MB after the newsroom work, ${rss.afterAllRuns} MB at the end.`,
    formatServerMemory(f.serverMemory),
    `Publish to visible on the app itself (from sending Publish; the action took ${Math.round(p.actionMs)} ms): article ${seen(p.articleMs)}, home ${seen(p.homeMs)}, section ${seen(p.sectionMs)}.`,
    `Search, first visit of each of the 50 queries: p50 ${f.searchFirstVisits.p50} ms, p95 ${f.searchFirstVisits.p95} ms, max ${f.searchFirstVisits.max} ms.`,
    `First visits: ${Object.entries(f.firstVisitsMs).map(([label, ms]) => `${label} ${Math.round(ms)} ms`).join('; ')}.`,
    `Query plans (warm, EXPLAIN ANALYZE): ${Object.entries(f.queryPlans).map(([name, plan]) => `${name} ${plan.ms.toFixed(2)} ms${plan.seqScanOnArticles ? ' (SEQUENTIAL SCAN)' : ''}`).join('; ')}.`,
    ...f.notes,
  ].join('\n');
}
