/**
 * Node flags every production `next start` runs with: the scripts' production server,
 * `npm run preview`, `bench:compare`, and (kept the same by next-start-flags.test.ts)
 * package.json "start" and deploy/masthead@.service. V8 lets its heap grow to 4x what survived the last full collection when the limit is 2 GB or
 * more (the default on a machine with 16 GB or more), so under load the server held
 * 300–400 MB of uncollected garbage over ~80 MB of live data: 687 MB RSS after the bench.
 * At 1 GB the factor drops to about 1.6; the limit is still ~5x the most the caches and
 * modules hold (docs/performance.md, "Memory").
 */
export const NEXT_START_NODE_FLAGS = ['--max-old-space-size=1024'];
