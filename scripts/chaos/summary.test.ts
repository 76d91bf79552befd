import { describe, expect, it } from 'vitest';
import type { Step } from './editors';
import type { ReaderRecord } from './readers';
import { outageReads } from './summary';

const read = (path: string, start: number, status = 200): ReaderRecord => ({ kind: 'home', path, start, end: start + 100, status });
const step = (start: number, end: number, ok = true): Step => ({ articleId: 'a', name: 'publish', start, end, ok });
const pg = { start: 10_000, end: 15_000 };

describe('outageReads', () => {
  const readers = [read('/', 1_000), read('/', 11_000, 500), read('/', 13_000, 500), read('/never', 12_000, 500)];

  it('counts a page that answered 200 before the outage as cached, and one that never did as not', () => {
    const split = outageReads(readers, [], pg);
    expect(split.cached.map((r) => r.start)).toEqual([11_000, 13_000]);
    expect(split.uncached.map((r) => r.path)).toEqual(['/never']);
    expect(split.expiredByPublish).toEqual([]);
  });

  it('counts cached pages as expired from when a publish that succeeded around the outage was sent', () => {
    const split = outageReads(readers, [step(12_000, 14_000)], pg);
    expect(split.cached.map((r) => r.start)).toEqual([11_000]);
    expect(split.expiredByPublish.map((r) => r.start)).toEqual([13_000]);
  });

  it('ignores failed steps and steps answered well before the outage', () => {
    const split = outageReads(readers, [step(12_000, 14_000, false), step(2_000, 3_000)], pg);
    expect(split.cached).toHaveLength(2);
  });
});
