/** Runs once when each server process starts (not during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before anything else: the client address (lib/request-context.ts) needs each request's socket address.
  (await import('./lib/socket-address')).stampSocketAddresses();
  const databaseUrl = (await import('./lib/config')).database.url();
  if (!databaseUrl) return;
  const { startBackgroundJobs } = await import('./lib/jobs');
  await startBackgroundJobs(databaseUrl);
}
