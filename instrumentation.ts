/** Runs once when each server process starts (not during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (!process.env.DATABASE_URL) return;
  const { startBackgroundJobs } = await import('./lib/jobs');
  await startBackgroundJobs(process.env.DATABASE_URL);
}
