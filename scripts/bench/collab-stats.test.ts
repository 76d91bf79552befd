import { describe, expect, it } from 'vitest';
import { DeliveryLedger, latencies, markerOf, markersIn, missingMarkers } from './collab-stats';

describe('the co-editing bench’s bookkeeping', () => {
  it('finds markers in text, even run together with markup, and says which are missing', () => {
    const text = `<paragraph>word ${markerOf(3, 12)} more ${markerOf(40, 7)}</paragraph><paragraph>${markerOf(3, 1)}</paragraph>`;
    expect(markersIn(text)).toEqual(['mk3n12', 'mk40n7', 'mk3n1']);
    expect(missingMarkers(['mk3n12', 'mk3n1', 'mk3n2', 'mk4n12'], text)).toEqual(['mk3n2', 'mk4n12']);
  });

  it('counts an edit delivered when the last other editor sees it, once', () => {
    const ledger = new DeliveryLedger();
    ledger.send('mk1n1', 1000, [2, 3]);
    ledger.seen('mk1n1', 2, 1010);
    ledger.seen('mk1n1', 2, 1020); // seen again: no second arrival
    ledger.seen('mk1n1', 9, 1030); // not one of its receivers
    expect(ledger.delivered).toEqual([]);
    expect(ledger.undelivered).toBe(1);
    ledger.seen('mk1n1', 3, 1045);
    expect(ledger.delivered).toEqual([45]);
    expect(ledger.arrivals).toEqual([10, 45]);
    expect(ledger.undelivered).toBe(0);
    expect(ledger.sent).toBe(1);
    expect(() => ledger.send('mk1n1', 2000, [2])).toThrow(/twice/);
  });

  it('gives nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect(latencies(values)).toEqual({ count: 100, p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100 });
    expect(latencies([7])).toEqual({ count: 1, p50Ms: 7, p95Ms: 7, p99Ms: 7, maxMs: 7 });
    expect(latencies([])).toEqual({ count: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 });
  });
});
