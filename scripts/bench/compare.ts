/**
 * `npm run bench:compare -- <other project dir> [--rounds 4] [--duration 5]`: two builds of
 * the app side by side (this one and another checkout's `.next`, e.g. main's), loaded in
 * turn on the same pages, round after round, with one failed sign-in on each halfway.
 * On a shared machine whose load swings minute to minute, interleaving is what makes the
 * two comparable: each pair of runs sees the same neighbours. Prints, per page and build,
 * the median req/s, p50, p99 and CPU ms per request before and after the sign-in.
 * Both serve the bench database (`npm run bench` makes it); neither is rebuilt here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HOT_ARTICLE } from './bench-data';
import { closeConnections, request } from './http';
import { Newsroom } from './newsroom';
import { withCpuPerRequest } from './process-cpu';
import { ensureProgram } from './system-tools';
import { runWrk, type LoadResult } from './wrk';
import { NEXT_START_NODE_FLAGS } from '../lib/next-start-flags';

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '4' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    ports: { type: 'string', default: '3105,3106' },
    database: { type: 'string', default: 'masthead_bench_load' },
    paths: { type: 'string', default: `/,/articles/${HOT_ARTICLE}` },
  },
});
const other = positionals[0];
if (!other) throw new Error('Usage: npm run bench:compare -- <other project dir> [--rounds 4] [--duration 5] [--ports 3105,3106] [--database masthead_bench_load]');
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error('Set DATABASE_URL to the PostgreSQL server holding the bench database.');
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${values.database}` }).toString();
const wrk = ensureProgram('wrk', 'wrk', console.log);
const [portA, portB] = values.ports.split(',').map(Number) as [number, number];
const builds = [
  { name: 'this', dir: process.cwd(), port: portA },
  { name: 'other', dir: resolve(other), port: portB },
];
const paths = values.paths.split(',');

function start(dir: string, port: number): ChildProcess {
  const env = { ...process.env, DATABASE_URL: databaseUrl, SITE_URL: `http://localhost:${port}`, AUTH_SECRET: 'local-test-secret-not-used-anywhere-else', AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1' };
  return spawn(process.execPath, [...NEXT_START_NODE_FLAGS, join(dir, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port)], { cwd: dir, env, stdio: 'ignore' });
}

const servers = builds.map((b) => ({ ...b, process: start(b.dir, b.port), url: `http://localhost:${b.port}` }));
type Sample = { build: string; path: string; phase: 'fresh' | 'after a failed sign-in'; load: LoadResult & { cpuMsPerRequest: number }; loadavg: number };
const samples: Sample[] = [];
try {
  for (const s of servers) {
    for (let tries = 0; ; tries++) {
      const ok = await request(`${s.url}/api/health`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (tries > 120) throw new Error(`${s.name} did not start`);
      await new Promise((done) => setTimeout(done, 500));
    }
    for (const path of paths) for (let i = 0; i < 5; i++) await request(`${s.url}${path}`);
    await runWrk(wrk, { url: `${s.url}${paths[0]}`, seconds: 2, connections: 32, threads: 2 }); // JIT
  }
  const rounds = Number(values.rounds);
  for (let round = 0; round < rounds; round++) {
    const phase = round < rounds / 2 ? 'fresh' : 'after a failed sign-in';
    if (round === Math.ceil(rounds / 2)) {
      for (const s of servers) await new Newsroom(s.url, join(s.dir, '.next')).signIn('editor@example.com', 'not-the-password');
    }
    // Alternate which build goes first, so neither always follows the other.
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const path of paths) {
      for (const s of order) {
        const load = await withCpuPerRequest(s.process.pid!, () => runWrk(wrk, { url: `${s.url}${path}`, seconds: Number(values.duration), connections: Number(values.connections), threads: 2 }));
        samples.push({ build: s.name, path, phase, load, loadavg: loadavg()[0]! });
        console.log(`round ${round + 1} ${s.name} ${path}: ${Math.round(load.perSecond)} req/s, p99 ${Math.round(load.p99Ms)} ms, ${load.cpuMsPerRequest.toFixed(2)} CPU ms/req, ${Math.round(load.bytesPerResponse)} B, load ${loadavg()[0]!.toFixed(1)}`);
      }
    }
  }
} finally {
  closeConnections();
  for (const s of servers) s.process.kill('SIGTERM');
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
console.log(`\n| page | build | phase | req/s | p50 ms | p99 ms | CPU ms/req | bytes | load avg |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const path of paths) {
  for (const phase of ['fresh', 'after a failed sign-in'] as const) {
    for (const b of builds) {
      const mine = samples.filter((s) => s.path === path && s.phase === phase && s.build === b.name);
      if (!mine.length) continue;
      const m = (f: (s: Sample) => number) => median(mine.map(f));
      console.log(`| ${path} | ${b.name} (${b.dir}) | ${phase} | ${Math.round(m((s) => s.load.perSecond))} | ${Math.round(m((s) => s.load.p50Ms))} | ${Math.round(m((s) => s.load.p99Ms))} | ${m((s) => s.load.cpuMsPerRequest).toFixed(2)} | ${Math.round(m((s) => s.load.bytesPerResponse))} | ${m((s) => s.loadavg).toFixed(1)} |`);
    }
  }
}
