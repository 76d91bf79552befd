import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult, Finding } from './report';
import { runCapturing } from './run-tool';
import { startSsrfEndpoint } from './ssrf-endpoint';

/**
 * Modules run, and why (the others are left out on purpose):
 * - xss, permanentxss: reflected and stored script injection on every crawled page and form.
 * - sql, blindsql: error-based and time-based SQL injection (sqlmap goes deeper on chosen routes).
 * - exec, file: command injection and path traversal (`/media/[key]` reads files by name).
 * - crlf: header injection through parameters that end up in redirects (`?page=`, `next=`).
 * - redirect: open redirects (sign-in's `next=`, the list paging redirects).
 * - ssrf: the app must never fetch an address a visitor gives it; wapiti's endpoint is
 *   replaced by one on loopback (ssrf-endpoint.ts), so the check is real and stays local.
 * - csp, http_headers, cookieflags, methods: response headers, cookie flags, odd HTTP methods.
 * Left out: xxe (no route accepts XML), shellshock and htaccess (no CGI, no Apache),
 * backup/buster/nikto (guessing file names: slow, and Next serves no files but its build),
 * brute_login_form (the sign-in throttle is tested by its own tests), csrf (its only target,
 * the sign-in server action, is protected by Next's Origin check, which it cannot see),
 * wapp (fingerprinting, not a flaw).
 */
export const WAPITI_MODULES = ['xss', 'permanentxss', 'sql', 'blindsql', 'exec', 'file', 'crlf', 'redirect', 'ssrf', 'csp', 'http_headers', 'cookieflags', 'methods'];

type Entry = { method: string; path: string; info: string; level: number; parameter: string };
type WapitiReport = { vulnerabilities: Record<string, Entry[]>; anomalies: Record<string, Entry[]> };

/**
 * Findings allowed on purpose, each with its reason. Anything not matched here fails the run.
 */
export function acceptedReason(category: string, entry: Entry): string | undefined {
  const readerPage = !/^\/(newsroom|login|preview)(\/|$)/.test(entry.path);
  // wapiti 3.0.4 says only 'CSP "script-src" value is not safe'; on reader pages the one
  // unsafe value there is 'unsafe-inline' (lib/security-headers.ts, checked by its tests).
  if (category === 'Content Security Policy Configuration' && readerPage && /"(script|style)-src" value is not safe|unsafe-inline/i.test(entry.info)) {
    return "Reader pages are cached whole (by nginx, a CDN and the app's page cache) and served to everyone, so no per-response nonce can exist; the policy allows Next's inline bootstrap scripts and injection is kept out by never rendering typed text as HTML (docs/decisions.md, Content-Security-Policy).";
  }
  if (category === 'HTTP Secure Headers' && /X-XSS-Protection/i.test(entry.info)) {
    return 'X-XSS-Protection is obsolete: browsers removed the filter it controlled, and current advice (OWASP, MDN) is not to send it; the Content-Security-Policy does that job.';
  }
  if (category === 'HTTP Secure Headers' && /X-Frame-Options/i.test(entry.info) && readerPage) {
    return "Reader pages may be framed by the site itself only: their CSP says frame-ancestors 'self', which replaces X-Frame-Options in every current browser (newsroom and sign-in pages send X-Frame-Options: DENY too).";
  }
  return undefined;
}

export async function runWapiti(params: { baseUrl: string; startPaths: string[]; folder: string; endpointPort: number; maxMinutes: number }): Promise<Omit<CheckResult, 'tool' | 'seconds'>> {
  const { baseUrl, folder } = params;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const output = join(folder, 'wapiti.json');
  // wapiti loads every module, and its fingerprinting one downloads a database from the web
  // when it has none: an empty one keeps it from ever trying (this machine talks to nobody).
  mkdirSync(join(folder, 'config'), { recursive: true });
  writeFileSync(join(folder, 'config', 'apps.json'), '{}');
  const endpoint = await startSsrfEndpoint(params.endpointPort);
  const args = [
    '-u', `${baseUrl}/`,
    '--scope', 'folder',
    ...params.startPaths.flatMap((path) => ['-s', `${baseUrl}${path}`]),
    // No `-x` exclusions: Debian's wapiti 3.0.4 crashes on them under Python 3.11. Signed-in
    // pages need none: without a session they only redirect to /login.
    '-m', WAPITI_MODULES.join(','),
    '--flush-session',
    '--store-session', join(folder, 'session'),
    '--store-config', join(folder, 'config'),
    '--endpoint', endpoint.url,
    '--no-bugreport',
    // As behind the TLS-terminating proxy of a real deployment, so https-only defences
    // (Strict-Transport-Security, Secure cookies) are in force and checked.
    '-H', 'X-Forwarded-Proto: https',
    '-d', '3',
    '--max-links-per-page', '30',
    '--max-files-per-dir', '40',
    '--max-attack-time', '60',
    '--max-scan-time', String(params.maxMinutes * 60),
    '-t', '20',
    '-f', 'json',
    '-o', output,
    '-v', '1',
  ];
  console.log(`wapiti ${args.join(' ')}`);
  let crawled = '?';
  try {
    const { code, output } = await runCapturing('wapiti', args);
    writeFileSync(join(folder, 'wapiti.log'), output);
    if (code !== 0) throw new Error(`wapiti exited with ${code}: ${output.split('\n').slice(-3).join(' ')}`);
    crawled = /Wapiti found (\d+) URLs and forms/.exec(output)?.[1] ?? '?';
  } finally {
    await endpoint.stop();
  }
  const report = JSON.parse(readFileSync(output, 'utf8')) as WapitiReport;
  const findings: Finding[] = [];
  const add = (group: 'vulnerability' | 'anomaly', entries: Record<string, Entry[]>) => {
    for (const [category, list] of Object.entries(entries)) {
      for (const entry of list) {
        findings.push({
          tool: 'wapiti',
          kind: `${group}: ${category}`,
          where: `${entry.method} ${entry.path}${entry.parameter ? ` (${entry.parameter})` : ''}`,
          detail: entry.info,
          accepted: acceptedReason(category, entry),
        });
      }
    }
  };
  add('vulnerability', report.vulnerabilities);
  add('anomaly', report.anomalies);
  return {
    covered: { modules: WAPITI_MODULES.length, 'URLs and forms crawled': crawled, 'requests to the SSRF endpoint': endpoint.hits() },
    findings,
  };
}
