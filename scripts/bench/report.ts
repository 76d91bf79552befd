/** The bench's one table, and its figures as JSON. */
import type { LoadResult } from './wrk';

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

export function ratio(row: Row, rows: Row[]): string {
  const yardstick = rows.find((r) => r.name === row.yardstick);
  if (!yardstick || row.result.perSecond === 0) return '—';
  const times = yardstick.result.perSecond / row.result.perSecond;
  return times < 1.5 ? `${(1 / times).toFixed(2)}×` : `1/${whole(times)}`;
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
  publishToVisible: { actionMs: number; articleMs: number | null; homeMs: number | null; sectionMs: number | null };
  searchFirstVisits: { p50: number; p95: number; max: number };
  firstVisitsMs: Record<string, number>;
  queryPlans: Record<string, { ms: number; seqScanOnArticles: boolean }>;
  notes: string[];
};

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
    `Publish to visible (from sending Publish; the action took ${Math.round(p.actionMs)} ms): article ${seen(p.articleMs)}, home ${seen(p.homeMs)}, section ${seen(p.sectionMs)}.`,
    `Search, first visit of each of the 50 queries: p50 ${f.searchFirstVisits.p50} ms, p95 ${f.searchFirstVisits.p95} ms, max ${f.searchFirstVisits.max} ms.`,
    `First visits: ${Object.entries(f.firstVisitsMs).map(([label, ms]) => `${label} ${Math.round(ms)} ms`).join('; ')}.`,
    `Query plans (warm, EXPLAIN ANALYZE): ${Object.entries(f.queryPlans).map(([name, plan]) => `${name} ${plan.ms.toFixed(2)} ms${plan.seqScanOnArticles ? ' (SEQUENTIAL SCAN)' : ''}`).join('; ')}.`,
    ...f.notes,
  ].join('\n');
}
