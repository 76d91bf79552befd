/**
 * `npm run bench:profile`: CPU profiles (`node --cpu-prof`) of the production server while
 * wrk loads one cached page: once on a fresh server, once on a server restarted fresh that
 * then had one failed sign-in. Prints the top self-time functions of each, per request,
 * and writes the profiles and a summary to bench/results/.
 *
 *   npm run bench:profile -- [--path /articles/…] [--duration 8] [--connections 32] [--skip-build]
 *                            [--database masthead_bench_… --reuse-data] [--port 3105]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startProductionServer } from '../lib/production-server';
import { HOT_ARTICLE } from './bench-data';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './cpu-profile';
import { closeConnections, request } from './http';
import { Newsroom } from './newsroom';
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
  },
});
if (!/^masthead_bench_\w+$/.test(values.database)) throw new Error('--database must start with masthead_bench_.');
const log = (line: string) => console.log(`[profile] ${line}`);
const wrk = ensureProgram('wrk', 'wrk', log);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const outDir = resolve('bench/results', `profile-${stamp}`);
mkdirSync(outDir, { recursive: true });
const seconds = Number(values.duration);
const connections = Number(values.connections);

type State = { name: string; load: LoadResult; summary: ProfileSummary; rssMb: number };
const states: State[] = [];

for (const [i, state] of (['fresh', 'after one failed sign-in'] as const).entries()) {
  const server = await startProductionServer({
    database: values.database,
    port: Number(values.port),
    build: i === 0 && !values['skip-build'],
    keepDatabase: i > 0 || values['reuse-data'],
    log,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${outDir}`, `--cpu-prof-name=${i === 0 ? 'fresh' : 'used'}.cpuprofile`],
  });
  let measured: [number, number];
  let load: LoadResult;
  let rssMb: number;
  try {
    const url = `${server.url}${values.path}`;
    const first = await request(url);
    if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
    await runWrk(wrk, { url, seconds: 2, connections, threads: 2 }); // the JIT warms up
    if (i === 1) {
      const { cookie } = await new Newsroom(server.url, '.next').signIn('editor@example.com', 'not-the-password');
      if (cookie) throw new Error('A wrong password signed in.');
      log('One failed sign-in done.');
    }
    const from = Number(process.hrtime.bigint() / 1000n);
    load = await runWrk(wrk, { url, seconds, connections, threads: 2 });
    measured = [from, Number(process.hrtime.bigint() / 1000n)];
    rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } finally {
    closeConnections();
    await server.stop(); // the profile is written as the server exits
  }
  const file = readdirSync(outDir).find((name) => name === `${i === 0 ? 'fresh' : 'used'}.cpuprofile`);
  if (!file) throw new Error(`No CPU profile was written to ${outDir}.`);
  const profile = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as CpuProfile;
  if (measured[0] < profile.startTime || measured[1] > profile.endTime) log('Warning: the wrk window is outside the profile clock; figures cover the whole profile.');
  const inside = measured[0] >= profile.startTime && measured[1] <= profile.endTime;
  states.push({ name: state, load, summary: summarizeProfile(profile, inside ? measured[0] : -Infinity, inside ? measured[1] : Infinity), rssMb });
}

const perRequest = (ms: number, load: LoadResult) => `${((ms / load.requests) * 1000).toFixed(0)} µs`;
const lines: string[] = [`Page ${values.path}, wrk -t2 -c${connections} -d${seconds}s, load average ${loadavg()[0]!.toFixed(1)} at the end.`];
for (const { name, load, summary, rssMb } of states) {
  lines.push(
    '',
    `${name}: ${Math.round(load.perSecond)} req/s, p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, ${load.requests} requests; ` +
      `${Math.round(summary.busyMs)} ms busy (${perRequest(summary.busyMs, load)} per request), ${Math.round(summary.idleMs)} ms idle; RSS ${rssMb} MB`,
    '  top self time by function:',
    ...summary.functions.slice(0, 15).map((f) => `    ${(f.share * 100).toFixed(1).padStart(5)} %  ${perRequest(f.ms, load).padStart(8)}/req  ${f.name}  [${f.file}]`),
    '  by file:',
    ...summary.files.slice(0, 8).map((f) => `    ${(f.share * 100).toFixed(1).padStart(5)} %  ${perRequest(f.ms, load).padStart(8)}/req  ${f.name}`),
  );
}
if (states.length === 2) {
  const [fresh, used] = states as [State, State];
  const perReq = (state: State, name: string) => ((state.summary.functions.find((f) => f.name === name)?.ms ?? 0) / state.load.requests) * 1000;
  const grown = [...new Set([...fresh.summary.functions, ...used.summary.functions].map((f) => f.name))]
    .map((name) => ({ name, fresh: perReq(fresh, name), used: perReq(used, name) }))
    .sort((a, b) => b.used - b.fresh - (a.used - a.fresh))
    .slice(0, 10);
  lines.push('', 'Grew most per request after the failed sign-in (µs/request, fresh → after):');
  lines.push(...grown.map((g) => `    ${g.fresh.toFixed(0).padStart(6)} → ${g.used.toFixed(0).padStart(6)}  ${g.name}`));
}
console.log(lines.join('\n'));
writeFileSync(join(outDir, 'summary.txt'), `${lines.join('\n')}\n`);
writeFileSync(
  join(outDir, 'summary.json'),
  `${JSON.stringify(states.map(({ name, load, summary, rssMb }) => ({ name, load, rssMb, busyMs: summary.busyMs, idleMs: summary.idleMs, functions: summary.functions.slice(0, 40), files: summary.files.slice(0, 20) })), null, 2)}\n`,
);
log(`Profiles and summary in ${outDir}`);
