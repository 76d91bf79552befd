/**
 * Node flags every production `next start` runs with: the scripts' production server,
 * `npm run preview`, `bench:compare`, and (kept the same by next-start-flags.test.ts)
 * package.json "start" and deploy/masthead@.service. What they bound is garbage V8 has not
 * collected yet, not live data (~90 MB of heap after the bench; docs/performance.md,
 * "Memory" and "What holds the memory at the end of the bench"):
 * - the heap limit: V8 lets its heap grow to 4x what survived the last full collection when
 *   the limit is 2 GB or more (the default on a machine with 16 GB or more): 687 MB RSS after
 *   the bench. At 1 GB the factor drops to about 1.6; the limit is still ~5x the most the
 *   caches and modules hold;
 * - the growth itself, fixed at 1.3x what survived the last full collection (V8's own choice
 *   for heaps limited to 256 MB or less): at up to 1.6 the old generation carried 60–110 MB
 *   of garbage at the end of the bench, and the end reading fell on either side of 400 MB;
 * - the young generation, 2 x 8 MB instead of 2 x 16 MB (resident once touched).
 */
export const NEXT_START_NODE_FLAGS = ['--max-old-space-size=1024', '--max-semi-space-size=8', '--heap-growing-percent=30'];
