/**
 * The app server's memory as the bench reports it: resident memory (RSS, and its peak so far)
 * from /proc, and V8's heap (committed, and in use by objects live or not yet collected)
 * from a Node diagnostic report. RSS alone cannot tell a server that keeps data from one
 * that has not yet collected its garbage (docs/performance.md, "Memory"); RSS minus the
 * committed heap is what lies outside V8's heap (code, native allocations, buffers).
 *
 * The bench starts the server with `--report-on-signal` (the report goes to a directory of
 * its own): it only installs a SIGUSR2 handler, and changes nothing in how V8 sizes or
 * collects its heap. The report is asked for after RSS has been read, and forces no
 * collection.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type ServerMemory = { rssMb: number; peakRssMb: number; heapTotalMb: number | null; heapUsedMb: number | null };

/** Node flags the bench adds to the production ones so that `readServerMemory` can read the heap. */
export function memoryReportFlags(directory: string): string[] {
  return ['--report-on-signal', `--report-directory=${directory}`];
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** VmRSS and VmHWM (the peak) of /proc/<pid>/status, in MB. */
export function residentMb(status: string): { rssMb: number; peakRssMb: number } {
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kib('VmRSS') / 1024), peakRssMb: Math.round(kib('VmHWM') / 1024) };
}

/** V8's committed and used heap from a diagnostic report's `javascriptHeap`, in MB; null when absent. */
export function heapFromReport(report: unknown): { heapTotalMb: number; heapUsedMb: number } | null {
  const heap = (report as { javascriptHeap?: { totalMemory?: unknown; usedMemory?: unknown } } | null)?.javascriptHeap;
  if (typeof heap?.totalMemory !== 'number' || typeof heap.usedMemory !== 'number') return null;
  return { heapTotalMb: mb(heap.totalMemory), heapUsedMb: mb(heap.usedMemory) };
}

/** RSS first (the report itself allocates), then the heap from a report the server writes to `directory`. */
export async function readServerMemory(pid: number, directory: string): Promise<ServerMemory> {
  const resident = residentMb(readFileSync(`/proc/${pid}/status`, 'utf8'));
  const reportOf = () => readdirSync(directory).find((name) => name.startsWith('report.') && name.includes(`.${pid}.`) && name.endsWith('.json'));
  let heap: ReturnType<typeof heapFromReport> = null;
  if (existsSync(directory)) {
    process.kill(pid, 'SIGUSR2');
    for (let i = 0; i < 50 && !heap; i++) {
      await new Promise((done) => setTimeout(done, 100));
      const name = reportOf();
      if (!name) continue;
      try {
        heap = heapFromReport(JSON.parse(readFileSync(join(directory, name), 'utf8')));
      } catch {
        continue; // still being written
      }
      // It holds the server's environment: not kept.
      rmSync(join(directory, name), { force: true });
    }
  }
  return { ...resident, heapTotalMb: heap?.heapTotalMb ?? null, heapUsedMb: heap?.heapUsedMb ?? null };
}
