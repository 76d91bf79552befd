import 'server-only';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { onTagsExpired } from '@/lib/cache/expiry-listeners';
import { captureResponse } from './page-cache-capture';
import { onNextTagsExpired } from './page-cache-next-tags';
import { isKeepableResponse, normaliseAcceptEncoding, pageCacheKey, storedHeaders } from './page-cache-rules';
import { PageCacheStore, type StoredPage } from './page-cache-store';

/**
 * The app's own micro-cache of whole reader responses (issue 11), the one deploy/nginx.conf
 * keeps in front of several instances, for a single `npm start` without nginx.
 *
 * Why here and not in Next: a page Next answers from its own cache still costs 2.5–3.7 ms
 * of CPU in Next's request path; a stored response costs a fraction of that. So, once per
 * server process (from instrumentation.ts), each request is looked at before Next sees it,
 * as lib/socket-address.ts does: a reader page stored less than PAGE_CACHE_SECONDS ago is
 * answered with the bytes Next sent (compressed, when the reader takes gzip), and Next never
 * runs. The request still gets its own X-Request-Id and log line (lib/log.ts: both come from
 * Node's diagnostics channels, before this). Every response says X-Page-Cache: hit, miss,
 * stale or bypass, as nginx's X-Cache-Status does.
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
/** A refresh slower than this (a slow database) lets the next request try too. */
const CLAIM_MS = 2_000;

const shared = globalThis as unknown as { mastheadPageCache?: PageCacheStore };

/** Installs the cache for every HTTP server of this process; null when `seconds` is 0 (off). */
export function cachePages(seconds: number): PageCacheStore | null {
  if (seconds <= 0) return null;
  if (shared.mastheadPageCache) return shared.mastheadPageCache;
  const store = new PageCacheStore({ ttlMs: seconds * 1000, staleMs: STALE_MS, claimMs: CLAIM_MS, maxBytes: MAX_BYTES, maxEntryBytes: MAX_ENTRY_BYTES });
  onTagsExpired('page-cache', () => store.expireAll());
  // And again when Next's own cache has taken the expiry in (it may come later; see there).
  onNextTagsExpired(() => store.expireAll());
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function pageCacheEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && answerFromCache(store, args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  };
  shared.mastheadPageCache = store;
  return store;
}

/** True when the stored copy was sent; otherwise the request goes on to Next (its response kept when it may be). */
function answerFromCache(store: PageCacheStore, request: IncomingMessage, response: ServerResponse): boolean {
  const key = pageCacheKey(request);
  if (key === null) {
    response.setHeader('X-Page-Cache', 'bypass');
    return false;
  }
  const found = store.lookup(key);
  if (found.kind !== 'miss') {
    send(response, found.page, found.kind, found.ageMs);
    return true;
  }
  response.setHeader('X-Page-Cache', 'miss');
  if (request.method === 'HEAD') {
    if (found.claim) store.release(key, found.claim);
    return false;
  }
  const gzip = key.startsWith('gzip ');
  normaliseAcceptEncoding(request.headers, gzip);
  const startedIn = store.generation;
  const { claim } = found;
  captureResponse(response, {
    keep: (status, headers) => isKeepableResponse(status, headers, gzip),
    maxBodyBytes: MAX_ENTRY_BYTES,
    onKept: ({ headers, body }) => {
      if (!store.store(key, { headers: storedHeaders(headers), body }, startedIn) && claim) store.release(key, claim);
    },
    onDropped: () => {
      if (claim) store.release(key, claim);
    },
  });
  return false;
}

function send(response: ServerResponse, page: StoredPage, kind: 'hit' | 'stale', ageMs: number): void {
  for (const [name, value] of page.headers) response.setHeader(name, value);
  // nginx in front keeps a page until the end of the second this header names (proxy.ts):
  // the stored second has passed, and nginx would keep nothing.
  if (response.hasHeader('x-accel-expires')) response.setHeader('X-Accel-Expires', `@${Math.floor(Date.now() / 1000)}`);
  response.setHeader('Content-Length', page.body.length);
  response.setHeader('Age', Math.floor(ageMs / 1000));
  response.setHeader('X-Page-Cache', kind);
  response.writeHead(200);
  response.end(page.body); // Node sends no body to a HEAD request
}
