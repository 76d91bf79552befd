import type { Instrumentation } from 'next';

/** Runs once when each server process starts (not during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Before anything else: the client address (lib/request-context.ts) needs each request's socket address.
  (await import('./lib/socket-address')).stampSocketAddresses();
  // One JSON line per request, each with the id the response carries in X-Request-Id.
  (await import('./lib/log')).logRequests();
  const databaseUrl = (await import('./lib/config')).database.url();
  if (!databaseUrl) return;
  const { startBackgroundJobs } = await import('./lib/jobs');
  await startBackgroundJobs(databaseUrl);
}

/** A page, route handler or action that threw: logged with the request's id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logError } = await import('./lib/log');
  const id = request.headers['x-request-id'];
  logError(`${context.routeType} failed`, error, typeof id === 'string' ? id : null);
};
