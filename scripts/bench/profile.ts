/**
 * `npm run bench:profile`: a CPU profile (`node --cpu-prof`) of the production server while
 * wrk loads one cached page, in three windows of one process: fresh; fresh again (a
 * control: the same load with nothing in between); and after one failed sign-in. Prints
 * the top self-time functions of each window (resolved through source maps) and what grew
 * per request, and writes the profile and a summary to bench/results/profile-<time>/.
 *
 *   npm run bench:profile -- [--path /articles/…] [--duration 8] [--connections 32] [--skip-build]
 *                            [--database masthead_bench_… --reuse-data] [--port 3105]
 *                            [--cold]   (a different archive story each request: cold renders)
 *                            [--signed-in editor@example.com]   (a newsroom page, as that demo account)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '@/db/seed/seed-demo-content';
import { startProductionServer } from '../lib/production-server';
import { HOT_ARTICLE, readBenchFacts } from './bench-data';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './cpu-profile';
import { closeConnections, request } from './http';
import { Newsroom } from './newsroom';
import { coldArticlePaths, writePathsFile } from './routes';
import { withCpuPerRequest } from './process-cpu';
import { ensureProgram } from './system-tools';
import { runWrk, type LoadResult } from './wrk';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    path: { type: 'string', default: `/articles/${HOT_ARTICLE}` },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: '3105' },
    'skip-build': { type: 'boolean', default: false },
    database: { type: 'string', default: 'masthead_bench_profile' },
    'reuse-data': { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
    'signed-in': { type: 'string' },
  },
});
if (!/^masthead_bench_\w+$/.test(values.database)) throw new Error('--database must start with masthead_bench_.');
const log = (line: string) => console.log(`[profile] ${line}`);
const wrk = ensureProgram('wrk', 'wrk', log);
const outDir = resolve('bench/results', `profile-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(outDir, { recursive: true });
const seconds = Number(values.duration);
const connections = Number(values.connections);
const now = () => Number(process.hrtime.bigint() / 1000n); // µs, the clock V8's profiler uses

type Window = { name: string; load: LoadResult; fromUs: number; toUs: number; rssMb: number };
const windows: Window[] = [];

const server = await startProductionServer({
  database: values.database,
  port: Number(values.port),
  build: !values['skip-build'],
  keepDatabase: values['reuse-data'],
  log,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${outDir}`, '--cpu-prof-name=server.cpuprofile'],
});
try {
  const url = `${server.url}${values.path}`;
  const email = values['signed-in'];
  const headers = email ? { Cookie: await new Newsroom(server.url, '.next').signInOrThrow(email, DEMO_PASSWORD) } : undefined;
  const first = await request(url, { headers });
  if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
  await runWrk(wrk, { url, seconds: 2, connections, threads: 2, headers }); // the JIT warms up
  // --cold: each window walks its own share of archive stories far down the bench's list
  // (the bench's runs reach its first few thousand), so every request is a first render.
  const coldPaths = values.cold ? coldArticlePaths((await readBenchFacts(server.databaseUrl)).archiveStories, 1, 50_000).slice(20_000) : [];
  const coldShare = Math.floor(coldPaths.length / 3);
  const measure = async (name: string) => {
    const fromUs = now();
    const pathsFile = values.cold ? writePathsFile(outDir, `window-${windows.length}`, coldPaths.slice(windows.length * coldShare, (windows.length + 1) * coldShare)) : undefined;
    const load = await withCpuPerRequest(server.pid, () => runWrk(wrk, { url, seconds, connections, threads: 2, pathsFile, headers }));
    const rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
    windows.push({ name, load, fromUs, toUs: now(), rssMb });
    log(`${name}: ${Math.round(load.perSecond)} req/s, ${load.cpuMsPerRequest.toFixed(2)} CPU ms per request`);
  };
  await measure('fresh');
  await measure('fresh, again (control)');
  const { cookie } = await new Newsroom(server.url, '.next').signIn('editor@example.com', 'not-the-password');
  if (cookie) throw new Error('A wrong password signed in.');
  await measure('after one failed sign-in');
} finally {
  closeConnections();
  await server.stop(); // the profile is written as the server exits
}

const profile = JSON.parse(readFileSync(join(outDir, 'server.cpuprofile'), 'utf8')) as CpuProfile;
if (windows.some((w) => w.fromUs < profile.startTime || w.toUs > profile.endTime)) throw new Error('The wrk windows fall outside the profile: the clocks differ.');
const summaries = windows.map((w) => ({ ...w, summary: summarizeProfile(profile, w.fromUs, w.toUs) }));

const perRequest = (ms: number, load: LoadResult) => (ms / load.requests) * 1000;
const µs = (value: number) => `${value.toFixed(0).padStart(6)} µs`;
const lines: string[] = [`Page ${values.cold ? 'a different archive story each request (cold renders)' : values.path}, wrk -t2 -c${connections} -d${seconds}s, load average ${loadavg()[0]!.toFixed(1)} at the end.`];
for (const { name, load, summary, rssMb } of summaries) {
  lines.push(
    '',
    `${name}: ${Math.round(load.perSecond)} req/s, p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, ${load.requests} requests; ` +
      `busy ${Math.round(summary.busyMs)} ms (${perRequest(summary.busyMs, load).toFixed(0)} µs per request), idle ${Math.round(summary.idleMs)} ms; ` +
      `CPU ${(load.cpuMsPerRequest ?? 0).toFixed(2)} ms per request; RSS ${rssMb} MB`,
    '  top self time by function (share of busy time, per request):',
    ...summary.functions.slice(0, 15).map((f) => `    ${(f.share * 100).toFixed(1).padStart(5)} %  ${µs(perRequest(f.ms, load))}  ${f.name}`),
    '  by file:',
    ...summary.files.slice(0, 10).map((f) => `    ${(f.share * 100).toFixed(1).padStart(5)} %  ${µs(perRequest(f.ms, load))}  ${f.name}`),
  );
}
const [fresh, , used] = summaries;
if (fresh && used) {
  const share = (s: ProfileSummary, name: string) => s.functions.find((f) => f.name === name)?.share ?? 0;
  const names = [...new Set([...fresh.summary.functions, ...used.summary.functions].map((f) => f.name))];
  const grown = names
    .map((name) => ({ name, before: share(fresh.summary, name), after: share(used.summary, name) }))
    .sort((a, b) => b.after - b.before - (a.after - a.before))
    .slice(0, 10);
  lines.push('', 'Grew most as a share of busy time, fresh → after the failed sign-in:');
  lines.push(...grown.map((g) => `    ${(g.before * 100).toFixed(1).padStart(5)} % → ${(g.after * 100).toFixed(1).padStart(5)} %  ${g.name}`));
}
console.log(lines.join('\n'));
writeFileSync(join(outDir, 'summary.txt'), `${lines.join('\n')}\n`);
const summaryJson = summaries.map(({ name, load, rssMb, fromUs, toUs, summary }) => ({ name, load, rssMb, fromUs, toUs, busyMs: summary.busyMs, idleMs: summary.idleMs, functions: summary.functions.slice(0, 40), files: summary.files.slice(0, 20) }));
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summaryJson, null, 2)}\n`);
log(`Profile and summary in ${outDir}`);
