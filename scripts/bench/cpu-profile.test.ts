import { describe, expect, it } from 'vitest';
import { summarizeProfile, type CpuProfile } from './cpu-profile';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

// Samples at 1000, 1010, 1030, 1060, 1100 µs; each stands for the time until the next.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(idle)') },
    { id: 2, callFrame: frame('render', 'node:internal/render') },
    { id: 3, callFrame: frame('hash', 'node:internal/etag') },
  ],
  startTime: 1000,
  endTime: 1200,
  samples: [2, 3, 3, 1, 2],
  timeDeltas: [0, 10, 20, 30, 40],
};

describe('CPU profile summary', () => {
  it('adds self time per function, idle apart', () => {
    const summary = summarizeProfile(profile);
    expect(summary.idleMs).toBeCloseTo(0.04);
    expect(summary.busyMs).toBeCloseTo(0.06);
    expect(summary.functions.map((f) => [f.name.split(' ')[0], Math.round(f.ms * 1000)])).toEqual([
      ['hash', 50],
      ['render', 10],
    ]);
    expect(summary.functions[0]!.share).toBeCloseTo(50 / 60);
  });

  it('counts only samples inside the window', () => {
    const summary = summarizeProfile(profile, 1005, 1035);
    expect(summary.functions.map((f) => f.name.split(' ')[0])).toEqual(['hash']);
    expect(summary.busyMs).toBeCloseTo(0.05);
  });
});
