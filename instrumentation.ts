import type { Instrumentation } from 'next';
import { noteRenderError } from './lib/http/page-cache-failures';

/** Runs once when each server process starts (not during `next build`). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const config = await import('./lib/config');
  try {
    config.checkEnvironment();
    const built = config.runtime.isProduction() ? await buildDeploymentId() : null;
    if (built !== null) config.checkDeploymentId(built);
  } catch (error) {
    // Refuse to serve at all: a half-configured production site signs sessions with a
    // guessable secret or links to the wrong address.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Before anything else: the client address (lib/request-context.ts) needs each request's socket address.
  (await import('./lib/socket-address')).stampSocketAddresses();
  // One JSON line per request, each with the id the response carries in X-Request-Id.
  (await import('./lib/log')).logRequests();
  // Next answers other methods on its build's files with a 500 (see there).
  (await import('./lib/http/static-file-methods')).refuseOtherMethodsOnStaticFiles();
  // Reader pages answered from stored bytes without entering Next (issue 11). A hit still gets
  // its own id and log line: Node tells lib/log.ts of each request before any listener runs.
  // Not under `next dev`, where an edited component would show up a second late.
  if (config.runtime.isProduction()) (await import('./lib/http/page-cache')).cachePages(config.pageCache.seconds());
  const databaseUrl = config.database.url();
  if (!databaseUrl) return;
  const { startBackgroundJobs } = await import('./lib/jobs');
  await startBackgroundJobs(databaseUrl);
  // Not awaited: the server answers meanwhile, and a database still starting only means the
  // first searches open their own connections, as they would without this.
  if (config.runtime.isProduction()) void (await import('./lib/reader/warm-up')).warmReaderConnections();
}

/** The deployment id this build was made with (`next start` runs from the project folder); null when unknown. */
async function buildDeploymentId(): Promise<string | undefined | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const files = JSON.parse(await readFile('.next/required-server-files.json', 'utf8')) as { config?: { deploymentId?: string } };
    return files.config?.deploymentId || undefined;
  } catch {
    return null; // another build folder: nothing to compare with
  }
}

/** A page, route handler or action that threw: logged with the request's id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const id = request.headers['x-request-id'];
  // Before anything awaited: the page cache reads it when the failed page's status is sent.
  noteRenderError(id, error);
  const { logError } = await import('./lib/log');
  logError(`${context.routeType} failed`, error, typeof id === 'string' ? id : null);
};
