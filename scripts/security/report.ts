import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Tool = 'sqlmap' | 'wapiti' | 'hostile-input';

/** One thing a check saw. `accepted` carries the written reason when it is allowed on purpose. */
export type Finding = { tool: Tool; kind: string; where: string; detail: string; accepted?: string };

export type CheckResult = {
  tool: Tool;
  /** What was tried, for the summary: requests sent, payloads typed, pages opened. */
  covered: Record<string, number | string>;
  findings: Finding[];
  seconds: number;
  /** The check could not run to the end (a crash, a tool missing); counts as a failure. */
  error?: string;
};

export const REPORT_FOLDER = 'security-reports';

/** Runs a check, timing it and turning a crash into a failed result instead of losing the others. */
export async function timed(tool: Tool, check: () => Promise<Omit<CheckResult, 'tool' | 'seconds'>>): Promise<CheckResult> {
  const started = Date.now();
  try {
    return { tool, ...(await check()), seconds: Math.round((Date.now() - started) / 1000) };
  } catch (error) {
    console.error(`${tool} did not finish:`, error);
    return { tool, covered: {}, findings: [], seconds: Math.round((Date.now() - started) / 1000), error: String(error instanceof Error ? error.stack ?? error.message : error) };
  }
}

export const openFindings = (result: CheckResult) => result.findings.filter((f) => !f.accepted);

/** Prints one line per check and every open finding; returns true when the run is clean. */
export function printSummary(results: CheckResult[], totalSeconds: number): boolean {
  console.log('\n=== npm run security: summary ===');
  console.table(
    results.map((r) => ({
      check: r.tool,
      result: r.error ? 'DID NOT FINISH' : openFindings(r).length ? 'FAIL' : 'pass',
      findings: openFindings(r).length,
      accepted: r.findings.length - openFindings(r).length,
      minutes: Math.round(r.seconds / 6) / 10,
    })),
  );
  for (const r of results) {
    console.log(`${r.tool} covered: ${Object.entries(r.covered).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const f of openFindings(r).slice(0, 40)) console.log(`  ✗ [${r.tool}] ${f.kind} — ${f.where}: ${f.detail.slice(0, 300)}`);
    if (openFindings(r).length > 40) console.log(`  … and ${openFindings(r).length - 40} more from ${r.tool} (see the JSON report)`);
    for (const f of r.findings.filter((x) => x.accepted)) console.log(`  ~ [${r.tool}] accepted: ${f.kind} — ${f.accepted}`);
    if (r.error) console.log(`  ✗ [${r.tool}] did not finish: ${r.error.split('\n')[0]}`);
  }
  const clean = results.every((r) => !r.error && openFindings(r).length === 0);
  console.log(`\n${clean ? 'No findings.' : 'FINDINGS: the run fails.'} Total time ${Math.round(totalSeconds / 6) / 10} min.`);
  return clean;
}

export function writeReport(results: CheckResult[], meta: Record<string, unknown>): string {
  mkdirSync(REPORT_FOLDER, { recursive: true });
  const file = join(REPORT_FOLDER, `security-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
  return file;
}
