/**
 * Where the machine's CPU went, second by second: the whole machine (all cores, from
 * /proc/stat), the app and the collaboration server (each with its child processes), and
 * this process (the readers' and editors' load). So a slow second can be told apart:
 * the app starved by the load generator, or the app itself at its limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processCpuMs } from '../bench/process-cpu';

export type CpuSecond = {
  at: number;
  /** Share of all cores busy, 0–100 (100: every core). */
  machinePercent: number;
  /** Share of one core each process used (a single-threaded process tops out near 100). */
  appPercent: number | null;
  collabPercent: number | null;
  loadPercent: number;
};

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, n) => sum + n, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** A process's CPU milliseconds with its descendants' (null once it is gone). */
function treeCpuMs(pid: number): number | null {
  try {
    let sum = processCpuMs(pid);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) sum += treeCpuMs(Number(child)) ?? 0;
    }
    return sum;
  } catch {
    return null;
  }
}

/** Samples once a second until `stop()`; `pids()` is asked each time (the app and the collaboration server are restarted). */
export function watchCpu(pids: () => { app?: number; collab?: number }, clock: () => number) {
  const seconds: CpuSecond[] = [];
  const read = () => {
    const { app, collab } = pids();
    return { at: clock(), machine: machineTicks(), app, appMs: app ? treeCpuMs(app) : null, collab, collabMs: collab ? treeCpuMs(collab) : null, loadMs: process.cpuUsage() };
  };
  let last = read();
  const timer = setInterval(() => {
    const now = read();
    const wall = now.at - last.at;
    const share = (pid: number | undefined, before: number | null, previousPid: number | undefined, after: number | null) =>
      pid !== undefined && pid === previousPid && before !== null && after !== null ? Math.round(((after - before) / wall) * 100) : null;
    const load = process.cpuUsage(last.loadMs);
    seconds.push({
      at: Math.round(now.at),
      machinePercent: Math.round(((now.machine.busy - last.machine.busy) / Math.max(1, now.machine.total - last.machine.total)) * 100),
      appPercent: share(now.app, last.appMs, last.app, now.appMs),
      collabPercent: share(now.collab, last.collabMs, last.collab, now.collabMs),
      loadPercent: Math.round(((load.user + load.system) / 1000 / wall) * 100),
    });
    last = now;
  }, 1_000);
  timer.unref();
  return { seconds, stop: () => clearInterval(timer) };
}
