import 'server-only';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { onTagsExpired } from '@/lib/cache/expiry-listeners';
import { logError } from '@/lib/log';
import { captureResponse, type HeadAction } from './page-cache-capture';
import { forgetRender, watchRender, type WatchedRender } from './page-cache-failures';
import { onNextTagsExpired } from './page-cache-next-tags';
import { isKeepableResponse, normaliseAcceptEncoding, pageCacheKey, servedAsIsMs, storedHeaders } from './page-cache-rules';
import { PageCacheStore, type Claim, type Lookup, type Outcome, type StoredPage } from './page-cache-store';

/**
 * The app's own micro-cache of whole reader responses (issue 11), the one deploy/nginx.conf
 * keeps in front of several instances, for a single `npm start` without nginx.
 *
 * Why here and not in Next: a page Next answers from its own cache still costs 2.5–3.7 ms
 * of CPU in Next's request path; a stored response costs a fraction of that. So, once per
 * server process (from instrumentation.ts), each request is looked at before Next sees it,
 * as lib/socket-address.ts does: a reader page stored less than PAGE_CACHE_SECONDS ago (a
 * story or list page, which Next renders per request, 30 s: page-cache-rules.ts) is
 * answered with the bytes Next sent (compressed, when the reader takes gzip), and Next never
 * runs. The request still gets its own X-Request-Id and log line (lib/log.ts: both come from
 * Node's diagnostics channels, before this). Every response says X-Page-Cache: hit, miss,
 * stale, stale-error or bypass, as nginx's X-Cache-Status does.
 *
 * Requests for a page no one has a copy of wait (up to CLAIM_MS) for the one render of it
 * already under way, so a clear (every publish) costs one render per page, not one per
 * waiting reader. When a page's render fails (5xx: the database restarting), the last good
 * copy is sent instead if one was stored in the last KEEP_MS and no expiry has cleared it
 * since (an unpublished story never comes back); without one, a 500 whose render met an
 * unavailable database (page-cache-failures.ts) becomes 503 with Retry-After.
 *
 * Any cache tag expired in this process (a change here, or one another instance announced)
 * forgets every stored page, when the listeners hear of it and again when Next's own cache
 * takes it in: Cache-Tag headers are cut short, so per-tag purging could miss.
 */

/** All stored pages together: made-up query strings push out old copies, never grow memory. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
/** A page past its time may still be served this long while one request refreshes it. */
const STALE_MS = 5_000;
/** A page past its time is kept this long (within MAX_BYTES) for when its render fails. */
const KEEP_MS = 10 * 60_000;
/** A render slower than this (a slow database) lets the next request try too, and those waiting render for themselves. */
const CLAIM_MS = 2_000;
/** A 500's head is held at most this long for the app to report why its render failed (page-cache-failures.ts). */
const REPORT_WAIT_MS = 500;
const UNAVAILABLE: HeadAction = { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } };

const shared = globalThis as unknown as { mastheadPageCache?: PageCacheStore };

/** Installs the cache for every HTTP server of this process; null when `seconds` is 0 (off). */
export function cachePages(seconds: number): PageCacheStore | null {
  if (seconds <= 0) return null;
  if (shared.mastheadPageCache) return shared.mastheadPageCache;
  const store = new PageCacheStore({ ttlMs: seconds * 1000, staleMs: STALE_MS, keepMs: KEEP_MS, claimMs: CLAIM_MS, maxBytes: MAX_BYTES, maxEntryBytes: MAX_ENTRY_BYTES });
  onTagsExpired('page-cache', () => store.expireAll());
  // And again when Next's own cache has taken the expiry in (it may come later; see there).
  onNextTagsExpired(() => store.expireAll());
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function pageCacheEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const toApp = () => Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [request, response] = args as [IncomingMessage, ServerResponse];
    const key = pageCacheKey(request);
    if (key === null) {
      response.setHeader('X-Page-Cache', 'bypass');
      return toApp();
    }
    const asked: Asked = { store, key, request, response, toApp, waitUntil: performance.now() + CLAIM_MS, ttlMs: seconds * 1000 };
    return answer(asked, store.lookup(key, { claim: request.method !== 'HEAD' }));
  };
  shared.mastheadPageCache = store;
  return store;
}

/** A request the cache may answer, and how to hand it to the app (Next) instead. */
type Asked = { store: PageCacheStore; key: string; request: IncomingMessage; response: ServerResponse; toApp: () => boolean; waitUntil: number; ttlMs: number };

/** Sends the stored copy, or lets the request go on to the app now (its response kept when it may be) or after a wait. */
function answer(asked: Asked, found: Lookup): boolean {
  if ('page' in found) {
    send(asked.response, found.page, found.kind, found.ageMs);
    return true;
  }
  if (found.kind === 'miss') return render(asked, found.claim);
  afterWait(asked, found.settled).catch((error: unknown) => {
    logError('Page cache: a request that waited for a render failed', error, requestIdOf(asked.request));
    asked.response.destroy();
  });
  return true;
}

/** Once the render waited for is over: its copy, the last good copy if it failed, or a render of one's own. */
async function afterWait(asked: Asked, settled: Promise<Outcome>): Promise<void> {
  const outcome = await within(settled, asked.waitUntil - performance.now());
  if (asked.response.destroyed || asked.request.socket.destroyed) return; // the reader left meanwhile
  const { store, key, request } = asked;
  if (outcome === 'stored' || outcome === 'expired') return void answer(asked, store.lookup(key, { claim: request.method !== 'HEAD' }));
  const last = outcome === 'failed' ? store.lastGood(key) : null;
  if (last) return sendStaleOnError(asked.response, last);
  render(asked, null);
}

function render(asked: Asked, claim: Claim | null): boolean {
  const { store, key, request, response, toApp, ttlMs } = asked;
  response.setHeader('X-Page-Cache', 'miss');
  // HEAD gets no body to keep, and never claims.
  if (request.method === 'HEAD') return toApp();
  const gzip = key.startsWith('gzip ');
  normaliseAcceptEncoding(request.headers, gzip);
  const startedIn = store.generation;
  const requestId = requestIdOf(request);
  const watched = requestId ? watchRender(requestId) : null;
  const settle = (outcome: Outcome) => {
    if (claim) store.settle(key, claim, outcome);
    if (requestId && watched) forgetRender(requestId, watched);
  };
  captureResponse(response, {
    keep: (status, headers) => isKeepableResponse(status, headers, gzip),
    maxBodyBytes: MAX_ENTRY_BYTES,
    onHead: (status) => onFailure(store, key, status, watched),
    onKept: ({ headers, body }) => {
      if (store.store(key, { headers: storedHeaders(headers), body }, startedIn, servedAsIsMs(key, ttlMs))) settle('stored');
      else settle(startedIn === store.generation ? 'unkept' : 'expired');
    },
    onDropped: (status) => settle(status >= 500 ? 'failed' : 'unkept'),
  });
  return toApp();
}

/** A failed render (5xx): the last good copy instead, or 503 when the database was unavailable. */
function onFailure(store: PageCacheStore, key: string, status: number, watched: WatchedRender | null): HeadAction {
  if (status < 500) return null;
  const last = store.lastGood(key);
  if (last) return { answer: (response) => sendStaleOnError(response, last) };
  if (status !== 500 || !watched) return null;
  if (watched.databaseUnavailable) return UNAVAILABLE;
  return { hold: within(watched.whenUnavailable, REPORT_WAIT_MS).then((reported) => (reported === 'timeout' ? null : UNAVAILABLE)) };
}

function send(response: ServerResponse, page: StoredPage, kind: 'hit' | 'stale' | 'stale-error', ageMs: number): void {
  for (const [name, value] of page.headers) response.setHeader(name, value);
  if (kind === 'stale-error') {
    // Only for as long as the app fails: no cache in front may keep it.
    response.setHeader('Cache-Control', 'no-store');
    if (response.hasHeader('x-accel-expires')) response.setHeader('X-Accel-Expires', '0');
  } else if (response.hasHeader('x-accel-expires')) {
    // nginx in front keeps a page until the end of the second this header names (proxy.ts):
    // the stored second has passed, and nginx would keep nothing.
    response.setHeader('X-Accel-Expires', `@${Math.floor(Date.now() / 1000)}`);
  }
  response.setHeader('Content-Length', page.body.length);
  response.setHeader('Age', Math.floor(ageMs / 1000));
  response.setHeader('X-Page-Cache', kind);
  response.writeHead(200);
  response.end(page.body); // Node sends no body to a HEAD request
}

/** The last good copy in place of the app's error page: none of the error page's headers, but the request's own id. */
function sendStaleOnError(response: ServerResponse, last: { page: StoredPage; ageMs: number }): void {
  for (const name of response.getHeaderNames()) if (name !== 'x-request-id') response.removeHeader(name);
  send(response, last.page, 'stale-error', last.ageMs);
}

function requestIdOf(request: IncomingMessage): string | null {
  const id = request.headers['x-request-id'];
  return typeof id === 'string' ? id : null;
}

/** The promise's value, or 'timeout' after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms), 'timeout')));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
