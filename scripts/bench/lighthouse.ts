/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default throttling) on the home page and
 * an article of a production build over a freshly seeded database, three runs each; prints
 * the median score per category and writes docs/measurements/lighthouse.json.
 * Needs Chromium (CHROME_PATH, default /usr/bin/chromium). BENCH_SKIP_BUILD=1 reuses .next.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProductionServer } from '../lib/production-server';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS) || 3;
const pages = { home: '/', article: '/articles/city-council-approves-2400-homes-on-former-shipyard-site' };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const server = await startProductionServer({ database: 'masthead_bench_lighthouse', port: 3200, build: process.env.BENCH_SKIP_BUILD !== '1' });
const results: Record<string, Record<string, number>> = {};
try {
  for (const [name, path] of Object.entries(pages)) {
    const runs: Record<string, number[]> = {};
    for (let i = 0; i < RUNS; i++) {
      const output = join(tmpdir(), `lighthouse-${name}-${i}.json`);
      // Lighthouse now and then fails to record a trace (NO_NAVSTART); try such a run again.
      const lighthouse = () => spawnSync(
        process.execPath,
        [
          'node_modules/lighthouse/cli/index.js',
          `${server.url}${path}`,
          '--quiet',
          '--output=json',
          `--output-path=${output}`,
          '--form-factor=mobile',
          '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
        ],
        { stdio: 'inherit', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
      );
      let run = lighthouse();
      for (let attempt = 1; run.status !== 0 && attempt < 3; attempt++) run = lighthouse();
      if (run.status !== 0) throw new Error(`Lighthouse failed on ${path}`);
      const report = JSON.parse(readFileSync(output, 'utf8'));
      for (const [category, { score }] of Object.entries(report.categories as Record<string, { score: number }>)) {
        (runs[category] ??= []).push(Math.round(score * 100));
      }
      for (const metric of ['largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'first-contentful-paint']) {
        (runs[metric] ??= []).push(report.audits[metric].numericValue);
      }
    }
    results[name] = Object.fromEntries(Object.entries(runs).map(([key, values]) => [key, Math.round(median(values) * 1000) / 1000]));
  }
} finally {
  await server.stop();
}
console.table(results);
mkdirSync('docs/measurements', { recursive: true });
writeFileSync('docs/measurements/lighthouse.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), runs: RUNS, results }, null, 2)}\n`);
const failing = Object.entries(results).filter(
  ([, r]) => r.performance! < 95 || r.accessibility! < 100 || r['best-practices']! < 95 || r.seo! < 100,
);
if (failing.length) {
  console.error(`Below the bar on: ${failing.map(([name]) => name).join(', ')}`);
  process.exitCode = 1;
}
