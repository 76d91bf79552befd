import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { heapFromReport, memoryReportFlags, readServerMemory, residentMb } from './server-memory';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe("the bench's reading of the server's memory", () => {
  it('takes RSS and its peak from /proc/<pid>/status', () => {
    expect(residentMb('Name:\tnode\nVmHWM:\t  415744 kB\nVmRSS:\t  359424 kB\nRssAnon:\t  270000 kB\n')).toEqual({ rssMb: 351, peakRssMb: 406 });
  });

  it("takes V8's committed and used heap from a diagnostic report, or nothing", () => {
    expect(heapFromReport({ javascriptHeap: { totalMemory: 219_152_384, usedMemory: 146_800_640 } })).toEqual({ heapTotalMb: 209, heapUsedMb: 140 });
    expect(heapFromReport({ header: {} })).toBeNull();
    expect(heapFromReport(null)).toBeNull();
  });

  it('reads a process started with the flags, and leaves no report behind', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'masthead-memory-test-'));
    const child = spawn(process.execPath, [...memoryReportFlags(directory), '-e', 'console.log("ready"); setInterval(() => {}, 1000)'], { stdio: ['ignore', 'pipe', 'ignore'] });
    cleanups.push(() => child.kill('SIGKILL'), () => rmSync(directory, { recursive: true, force: true }));
    await new Promise((ready) => child.stdout.once('data', ready));

    const memory = await readServerMemory(child.pid!, directory);
    expect(memory.rssMb).toBeGreaterThan(10);
    expect(memory.peakRssMb).toBeGreaterThanOrEqual(memory.rssMb);
    expect(memory.heapTotalMb).toBeGreaterThan(0);
    expect(memory.heapUsedMb).toBeLessThanOrEqual(memory.heapTotalMb!);
    expect(readdirSync(directory)).toEqual([]);
  });
});
