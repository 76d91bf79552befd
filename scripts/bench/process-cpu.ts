/**
 * CPU time a process has used (user + system, all its threads), from /proc. Requests per
 * second fall when other programs share the cores; CPU milliseconds per request much less,
 * so the bench reports both.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

export function processCpuMs(pid: number): number {
  ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3: utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Runs `work` and says how many CPU milliseconds `pid` spent per request during it. */
export async function withCpuPerRequest<T extends { requests: number }>(pid: number, work: () => Promise<T>): Promise<T & { cpuMsPerRequest: number }> {
  const before = processCpuMs(pid);
  const result = await work();
  const spent = processCpuMs(pid) - before;
  return { ...result, cpuMsPerRequest: result.requests ? spent / result.requests : 0 };
}

/** A process's resident memory in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}
