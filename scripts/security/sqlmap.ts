import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult, Finding } from './report';
import { runCapturing } from './run-tool';

/** One sqlmap run: a URL (with `*` marking injection points in the path) or a raw request file. */
export type SqlmapTarget = { name: string; url?: string; requestFile?: string; extra?: string[] };

/**
 * Bounded so a run takes minutes: the database is known (PostgreSQL), level 2 (adds the
 * Referer and more boundaries to level 1's parameters) and risk 1 (no payloads that could
 * change data), three-second time-based checks (slower on a busy machine, where two gave lag warnings).
 */
const COMMON = ['--batch', '--ignore-stdin', '--dbms=PostgreSQL', '--level=2', '--risk=1', '--time-sec=3', '--timeout=20', '--retries=1', '--disable-coloring', '--flush-session', '--answers=follow=Y'];

/** Lines in sqlmap's output that mean a finding, with the kind each one is. */
const FINDING_LINES: [RegExp, string][] = [
  [/sqlmap identified the following injection point/i, 'SQL injection'],
  [/^\s*Parameter: .+\((GET|POST|URI|Custom|\(custom\))/i, 'injectable parameter'],
  [/heuristic \(basic\) test shows that .* might be injectable/i, 'heuristic: a database error came back'],
  [/heuristic \(XSS\) test shows that .* might be vulnerable to cross-site scripting/i, 'reflected markup (XSS heuristic)'],
  [/heuristic \(FI\) test shows that .* might be vulnerable to file inclusion/i, 'file inclusion heuristic'],
];

export async function runSqlmap(params: { targets: SqlmapTarget[]; folder: string }): Promise<Omit<CheckResult, 'tool' | 'seconds'>> {
  rmSync(params.folder, { recursive: true, force: true });
  mkdirSync(params.folder, { recursive: true });
  const findings: Finding[] = [];
  let tested = 0;
  for (const target of params.targets) {
    const args = [
      ...COMMON,
      '--output-dir', join(params.folder, target.name),
      ...(target.requestFile ? ['-r', target.requestFile] : ['-u', target.url!]),
      ...(target.extra ?? []),
    ];
    console.log(`\n--- sqlmap: ${target.name}\nsqlmap ${args.join(' ')}`);
    const { code, output } = await runCapturing('sqlmap', args);
    writeFileSync(join(params.folder, `${target.name}.log`), output);
    findings.push(...findingsInSqlmapOutput(target.name, output, code));
    tested++;
  }
  return { covered: { targets: tested }, findings };
}

/** What one sqlmap run's output says: injection points, heuristics, 5xx answers, or that it could not finish. */
export function findingsInSqlmapOutput(target: string, output: string, code: number): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split('\n')) {
    for (const [pattern, kind] of FINDING_LINES) {
      if (pattern.test(line)) findings.push({ tool: 'sqlmap', kind, where: target, detail: line.trim() });
    }
  }
  // sqlmap lists the HTTP errors it met at the end: a 5xx is a finding in its own right.
  for (const match of output.matchAll(/^(5\d\d) \(([^)]*)\) - (\d+) times/gm)) {
    findings.push({ tool: 'sqlmap', kind: `HTTP ${match[1]}`, where: target, detail: `${match[2]} answered ${match[3]} times to sqlmap's requests` });
  }
  const testedToTheEnd = /all tested parameters do not appear to be injectable/i.test(output);
  if (code !== 0 || (!testedToTheEnd && findings.length === 0)) {
    // sqlmap stops early when it cannot reach or parse the target: that is not a clean result.
    const reason = output.split('\n').filter((l) => /\[CRITICAL\]|\[ERROR\]/.test(l)).slice(-3).join(' | ') || `exit code ${code}, no verdict`;
    findings.push({ tool: 'sqlmap', kind: 'target not fully tested', where: target, detail: reason });
  }
  return findings;
}
