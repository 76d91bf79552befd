import { describe, expect, it } from 'vitest';
import type { LoadResult } from './wrk';
import { formatServerMemory, proxyVerdict, ratio, type Row } from './report';

const result = (perSecond: number, p99Ms: number, errors = 0): LoadResult => ({
  requests: perSecond * 6,
  seconds: 6,
  perSecond,
  p50Ms: 1,
  p90Ms: p99Ms / 2,
  p95Ms: p99Ms / 2,
  p99Ms,
  maxMs: p99Ms * 2,
  statusErrors: errors,
  socketErrors: 0,
  bytesPerResponse: 50_000,
});
const row = (name: string, label: string, perSecond: number, p99Ms = 5, errors = 0): Row => ({ name, label, server: 'x', result: result(perSecond, p99Ms, errors), yardstick: 'static' });
const staticFile = row('static', 'article, static file', 29_304, 3);
const visible = { articleMs: 584, homeMs: 582, sectionMs: 422 };

describe('the bench report', () => {
  it('never rounds a share across the 1/2 bar', () => {
    // The 2026-12-01 11:24 run: 13,596 req/s against 29,304 was printed "1/2".
    expect(ratio(row('proxy-home', 'home', 13_596), [staticFile])).toBe('0.46×');
    expect(ratio(row('proxy-article', 'article', 17_589), [staticFile])).toBe('0.60×');
    expect(ratio(row('article', 'article', 20_472), [row('static', 'static', 19_378)])).toBe('1.06×');
    expect(ratio(row('home', 'home', 250), [row('static', 'static', 19_378)])).toBe('1/78');
    expect(ratio(row('home', 'home', 250), [])).toBe('—');
  });

  it("says whether the proxy meets issue 12's bar, and what misses it", () => {
    const met = proxyVerdict([staticFile, row('proxy-home', 'home through deploy/nginx.conf', 16_000, 8.1), row('proxy-article', 'article through deploy/nginx.conf', 20_000, 6.5)], visible);
    expect(met).toMatch(/Met\.$/);
    expect(met).toContain('home through deploy/nginx.conf 0.55×, p99 8.1 ms');

    const missed = proxyVerdict([staticFile, row('proxy-home', 'home through deploy/nginx.conf', 13_596, 8.5), row('proxy-article', 'article through deploy/nginx.conf', 17_589, 25, 3)], { ...visible, homeMs: 2_400 });
    expect(missed).toContain('NOT MET: home through deploy/nginx.conf at 0.46× of the static file; article through deploy/nginx.conf p99 25 ms; article through deploy/nginx.conf with errors; publish on the home page 2400 ms.');

    expect(proxyVerdict([staticFile, row('proxy-home', 'home', 16_000)], null)).toContain('NOT MET: publish to visible through the proxy not measured');
    expect(proxyVerdict([staticFile, row('home', 'home', 16_000)], visible)).toBeNull();
  });

  it('says how much of each RSS reading is V8 heap, and the peak', () => {
    const at = (rssMb: number, heapTotalMb: number | null, heapUsedMb: number | null, peakRssMb = rssMb) => ({ rssMb, peakRssMb, heapTotalMb, heapUsedMb });
    expect(formatServerMemory({ started: at(158, 72, 49), afterFreshRuns: at(303, null, null), afterNewsroomWork: at(334, 200, 131), afterAllRuns: at(351, 209, 140, 362) })).toBe(
      'V8 heap in use of committed: 49 of 72 MB (86 MB of RSS outside it) at start, not read after the fresh runs, 131 of 200 MB (134 MB of RSS outside it) after the newsroom work, 140 of 209 MB (142 MB of RSS outside it) at the end; peak RSS 362 MB.',
    );
  });
});
