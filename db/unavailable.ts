/**
 * Failures that mean "the database is not answering right now" rather than "this request
 * is wrong": the server is down or restarting, the network dropped, or every connection
 * stayed busy for longer than the app waits. They are worth retrying in a moment.
 */

/** What a person is told when the database cannot take their request. */
export const DATABASE_BUSY_MESSAGE = 'The database is busy — try again in a moment.';
export const DATABASE_DOWN_MESSAGE = 'The database is not answering. Nothing was changed; please try again in a moment.';

/** Raised when no connection became free within the wait the pool allows (DATABASE_WAIT_MS). */
export class DatabaseBusyError extends Error {
  readonly code = 'DATABASE_BUSY';
  constructor(waitMs: number) {
    super(`No database connection became free within ${waitMs} ms.`);
  }
}

// Socket errors, postgres.js's own connection errors, and SQLSTATEs of class 08 (connection
// exception), 53300 (too many connections) and 57P01-57P03 (shutting down, not yet started).
const UNAVAILABLE_CODES = new Set([
  'DATABASE_BUSY',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

/** True when the error, or one it wraps (Drizzle wraps the driver's), is the database being unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when the error, or one it wraps, is a wait for a free connection that ran out. By its
 * code, not `instanceof`: a production build holds several copies of this module (the
 * instrumentation's, the pages', the proxy's), and the one pool (kept on globalThis) throws
 * the class of whichever copy opened it, usually the instrumentation's.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === 'DATABASE_BUSY') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** The message for a person: busy (try again soon) or down. */
export function unavailableMessage(error: unknown): string {
  return isDatabaseBusy(error) ? DATABASE_BUSY_MESSAGE : DATABASE_DOWN_MESSAGE;
}

/** What a page that could not read says: what happened, that nothing is lost, and what to do. */
export function pageUnavailableMessage(error: unknown): string {
  const what = isDatabaseBusy(error) ? 'the database is busy' : 'the database is not answering';
  return `This page cannot be shown right now: ${what}. Nothing you saved is lost — reload the page in a moment.`;
}

export type PageRead<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A page's read, or the message to show in its place when the database is unavailable
 * (a page's thrown error reaches the browser without its message in production, so a
 * page that knows what failed says it itself). Any other error is thrown on.
 */
export async function readForPage<T>(read: () => Promise<T>): Promise<PageRead<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, message: pageUnavailableMessage(error) };
    throw error;
  }
}
