import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./wrk/measure.lua', import.meta.url));

export type LoadResult = {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers that were not 2xx/3xx. */
  statusErrors: number;
  /** Connect, read and write errors and timeouts. */
  socketErrors: number;
  bytesPerResponse: number;
  /** The server process's CPU time per request, when the bench watched it (process-cpu.ts). */
  cpuMsPerRequest?: number;
};

export type WrkRun = {
  url: string;
  seconds: number;
  connections: number;
  threads: number;
  headers?: Record<string, string>;
  /** A file of paths, one a line, requested in turn instead of `url`'s path. */
  pathsFile?: string;
};

/** One wrk run; its Lua script reports totals and percentiles as JSON. */
export async function runWrk(wrk: string, run: WrkRun): Promise<LoadResult> {
  const args = [
    `-t${run.threads}`,
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    '--timeout', '10s',
    '-s', SCRIPT,
    ...Object.entries(run.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    run.url,
  ];
  const env = { ...process.env, WRK_THREADS: String(run.threads), ...(run.pathsFile ? { WRK_PATHS: run.pathsFile } : {}) };
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(wrk, args, { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${err || out}`))));
  });
  const line = output.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${output}`);
  const raw = JSON.parse(line.slice('BENCH_JSON '.length)) as Record<string, number>;
  const seconds = raw.durationUs! / 1e6;
  return {
    requests: raw.requests!,
    seconds,
    perSecond: raw.requests! / seconds,
    p50Ms: raw.p50Us! / 1000,
    p90Ms: raw.p90Us! / 1000,
    p95Ms: raw.p95Us! / 1000,
    p99Ms: raw.p99Us! / 1000,
    maxMs: raw.maxUs! / 1000,
    statusErrors: raw.statusErrors!,
    socketErrors: raw.connectErrors! + raw.readErrors! + raw.writeErrors! + raw.timeouts!,
    bytesPerResponse: raw.requests! ? raw.bytes! / raw.requests! : 0,
  };
}
