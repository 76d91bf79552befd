import { describe, expect, it } from 'vitest';
import { pack } from './hostile/payloads';
import { findingsInSqlmapOutput } from './sqlmap';
import { watchServerLog } from './server-log';
import { acceptedReason } from './wapiti';

describe('sqlmap output', () => {
  const clean = "[12:00:01] [WARNING] GET parameter 'q' does not seem to be injectable\n[12:00:02] [CRITICAL] all tested parameters do not appear to be injectable. Try to increase values";

  it('is clean only when sqlmap tested every parameter to the end', () => {
    expect(findingsInSqlmapOutput('search', clean, 0)).toEqual([]);
    expect(findingsInSqlmapOutput('search', "[INFO] using 'STDIN' for parsing targets list", 0)).toMatchObject([{ kind: 'target not fully tested' }]);
    expect(findingsInSqlmapOutput('search', '[CRITICAL] unable to connect to the target URL', 1)).toMatchObject([{ kind: 'target not fully tested' }]);
  });

  it('reports injection points, heuristics and server errors', () => {
    const injectable = "sqlmap identified the following injection point(s) with a total of 40 HTTP(s) requests:\n---\nParameter: q (GET)\n    Type: boolean-based blind";
    expect(findingsInSqlmapOutput('search', injectable, 0).map((f) => f.kind)).toEqual(['SQL injection', 'injectable parameter']);
    const xss = "[12:00:01] [INFO] heuristic (XSS) test shows that GET parameter 'q' might be vulnerable to cross-site scripting (XSS) attacks";
    expect(findingsInSqlmapOutput('search', `${xss}\n${clean}`, 0).map((f) => f.kind)).toEqual(['reflected markup (XSS heuristic)']);
    const errors = `${clean}\n[12:00:03] [WARNING] HTTP error codes detected during run:\n404 (Not Found) - 141 times\n500 (Internal Server Error) - 3 times`;
    expect(findingsInSqlmapOutput('article', errors, 0)).toMatchObject([{ kind: 'HTTP 500', detail: 'Internal Server Error answered 3 times to sqlmap\'s requests' }]);
  });
});

describe('wapiti findings accepted on purpose', () => {
  const entry = (path: string, info: string) => ({ method: 'GET', path, info, level: 1, parameter: '' });

  it("accepts the reader pages' inline-script policy, and nothing like it on newsroom pages", () => {
    expect(acceptedReason('Content Security Policy Configuration', entry('/', 'CSP "script-src" value is not safe'))).toMatch(/nonce/);
    expect(acceptedReason('Content Security Policy Configuration', entry('/login', 'CSP "script-src" value is not safe: unsafe-inline'))).toBeUndefined();
    expect(acceptedReason('Content Security Policy Configuration', entry('/', 'CSP is not set'))).toBeUndefined();
    expect(acceptedReason('Cross Site Scripting', entry('/search', 'XSS vulnerability found via injection in the parameter q'))).toBeUndefined();
    expect(acceptedReason('HTTP Secure Headers', entry('/', 'Strict-Transport-Security is not set'))).toBeUndefined();
  });
});

describe('packing payloads into a field', () => {
  it('keeps every payload whole, in order, within the limit, and sets apart the ones too long', () => {
    const payloads = ['<b>1</b>', 'a'.repeat(30), '<i>2</i>', 'x'.repeat(45), '"\'3'];
    const { values, tooLong } = pack(payloads, 40);
    expect(values.every((parts) => parts.join(' ').length <= 40)).toBe(true);
    expect(values.flat()).toEqual(['<b>1</b>', 'a'.repeat(30), '<i>2</i>', '"\'3']);
    expect(tooLong).toEqual(['x'.repeat(45)]);
  });
});

describe("reading a server action's answer", () => {
  it('follows long strings sent as text rows', async () => {
    const { resultIn } = await import('./hostile/server-actions');
    const long = `<b>héadline</b>\n${'x'.repeat(30)}`;
    const flight = `1:T${Buffer.byteLength(long).toString(16)},${long}0:{"a":{"ok":true,"data":{"draft":{"headline":"$1","deck":"$$5 off"}}},"f":""}\n`;
    expect(resultIn(flight)).toEqual({ ok: true, data: { draft: { headline: long, deck: '$5 off' } } });
  });
});

describe('the app log during a check', () => {
  it('counts background failures as well as failed pages and actions, and not a wrong password', () => {
    const log = watchServerLog();
    log.during('hostile-input');
    log.take(' ⨯ Error: Failed query: select 1\n');
    log.take('Could not announce expired cache tags to other instances Error: Failed query\n  [cause]: payload string too long\n');
    log.take('[auth][error] CredentialsSignin: Read more at https://errors.authjs.dev#credentialssignin\n');
    log.take('Background job failed Error: boom\n');
    const findings = log.findingsFor('hostile-input');
    expect(findings).toHaveLength(3);
    expect(findings[1]!.detail).toMatch(/payload string too long/);
    expect(log.findingsFor('sqlmap')).toEqual([]);
  });

  it("counts the app's own JSON lines at level error, and not the others", () => {
    const log = watchServerLog();
    log.during('sqlmap');
    log.take('{"time":"2026-12-01T00:00:00Z","level":"info","msg":"request","route":"/search","status":200}\n');
    log.take('{"time":"2026-12-01T00:00:00Z","level":"warn","msg":"Server action: database unavailable"}\n');
    log.take('{"time":"2026-12-01T00:00:00Z","level":"error","msg":"request","route":"/articles/x","status":500}\n');
    log.take('{"time":"2026-12-01T00:00:00Z","level":"error","msg":"Upload failed","error":"boom"}\n');
    expect(log.findingsFor('sqlmap').map((f) => f.detail)).toEqual([expect.stringContaining('"status":500'), expect.stringContaining('Upload failed')]);
  });
});
