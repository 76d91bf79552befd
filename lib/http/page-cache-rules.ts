import 'server-only';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * Which requests the page cache (page-cache.ts) may answer and which responses it may keep:
 * the same rules as nginx's micro-cache in deploy/nginx.conf. A response is kept only when
 * the request could have been anyone's and the app said the answer is everyone's.
 */

/** Longer addresses are never cached: made-up ones would only fill the cache. */
export const MAX_CACHED_URL_LENGTH = 2048;

/** Never cached, as in nginx.conf: signed-in areas, the API, previews, assets, media, co-editing. */
const UNCACHED_PATH = /^\/+(newsroom|login|api|preview|_next|media|collab)(\/|$)/i;
/**
 * The one public API answer the cache keeps: a live blog's "updates since N", which every
 * reader of the blog polls (app/api/live/[id]/route.ts; public for two seconds). Cached,
 * a spike of pollers costs one route-handler run per second instead of one each.
 */
const CACHED_API_PATH = /^\/api\/live\/[0-9a-f-]{36}$/;
/** Auth.js's session cookie, plain or __Secure-, whole or chunked (`….0`, `….1`); Next's draft-mode cookie. */
const SESSION_COOKIE = /(^|;)\s*((__Secure-)?authjs\.session-token|__prerender_bypass)/i;
/**
 * The browser router's requests (RSC payloads, prefetches), server actions, partial
 * requests and credentials: each gets an answer of its own.
 */
const PERSONAL_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'next-action', 'range', 'authorization'];

export type RequestLike = { method?: string; url?: string; headers: IncomingHttpHeaders };

/** Whether Accept-Encoding asks for gzip (the only encoding Next's compression uses besides deflate). */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding;
  if (!value) return false;
  return value.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * The cache key of a request the cache may answer, or null when it must go to the app
 * untouched (bypass). The key is the address with its query and whether the reader takes
 * gzip: the cache asks Next for exactly that encoding (see `normaliseAcceptEncoding`).
 */
export function pageCacheKey(request: RequestLike): string | null {
  // HEAD is answered from a GET's copy (as nginx does), never stored: it has no body.
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const url = request.url;
  if (!url || url[0] !== '/' || url.length > MAX_CACHED_URL_LENGTH) return null;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const cachedApi = CACHED_API_PATH.test(path);
  if (!cachedApi && UNCACHED_PATH.test(path)) return null;
  // An escaped letter (`/%6Eewsroom`) must not walk past the rule above.
  if (path.includes('%')) {
    try {
      if (UNCACHED_PATH.test(decodeURIComponent(path))) return null;
    } catch {
      return null;
    }
  }
  const { headers } = request;
  const cookie = headers.cookie;
  if (cookie && SESSION_COOKIE.test(cookie)) return null;
  for (const name of PERSONAL_HEADERS) if (headers[name] !== undefined) return null;
  const encoding = acceptsGzip(headers['accept-encoding']) ? 'gzip' : 'identity';
  const address = query === -1 || cachedApi ? url : path + keptQuery(path, url.slice(query + 1));
  return forwardedHttps(headers) ? `${encoding} https ${address}` : `${encoding} ${address}`;
}

/**
 * Story pages (a live blog's `?v=` reload included), section, author and topic pages and
 * search results, which Next renders per request (app/(site)/articles/[slug]/page.tsx,
 * components/site/lists/reader-list-page.tsx, app/(site)/search/page.tsx: 25-70 ms of CPU
 * each even with their data cached, so fifty searches kept one second each took a busy
 * 2-core server past what it could render, 38 req/s in the bench). The proxy serves
 * `?page=N` from `/<kind>/<slug>/page/N`; the key is the address the reader asked for.
 */
const RENDERED_PER_REQUEST = /^\/((articles|sections|authors|tags)\/[^/?]+|search)(\?|$)/;
/**
 * How long such a page is served as it is: Next keeps no copy of its own, so without this a
 * page that is read would be rendered again every PAGE_CACHE_SECONDS. Any change to it, or to
 * anything else cached, still clears it at once (every expiry clears the whole cache); the
 * only part that changes with time alone, Most Popular, is refreshed every 45 s in its own
 * entry, so a copy is kept no longer than that.
 */
export const RENDERED_PAGE_MS = 30_000;

/** How long a stored copy of this key is served as it is: pages rendered per request RENDERED_PAGE_MS, the rest `defaultMs`. */
export function servedAsIsMs(key: string, defaultMs: number): number {
  const address = key.slice(key.lastIndexOf(' ') + 1);
  return RENDERED_PER_REQUEST.test(address) ? Math.max(defaultMs, RENDERED_PAGE_MS) : defaultMs;
}

/**
 * Query parameters that change a reader page other than search: a list's `page` (the proxy
 * turns it into a path) and the live blog's `v` (its reload past every cache). Others, such
 * as `utm_source`, `fbclid` or made-up ones, leave the page as it is, as Next's prerendered
 * pages are served whatever the query: they share one entry instead of making one each.
 */
const PAGE_PARAMETERS = new Set(['page', 'v']);

/** The part of a query the cache keys by: all of it for the search page, else PAGE_PARAMETERS in their order. */
function keptQuery(path: string, query: string): string {
  if (path === '/search') return `?${query}`;
  const kept = query.split('&').filter((pair) => {
    const equals = pair.indexOf('=');
    return PAGE_PARAMETERS.has(equals === -1 ? pair : pair.slice(0, equals));
  });
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * Whether a proxy in front says the reader came over https: such answers carry
 * Strict-Transport-Security (lib/security-headers.ts) and plain-http ones must not, so the
 * two are kept apart. Same test as next.config.ts's rule: the first value is `https`.
 */
function forwardedHttps(headers: IncomingHttpHeaders): boolean {
  const value = headers['x-forwarded-proto'];
  const first = (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/**
 * Makes the request ask Next for gzip or for nothing, as nginx does: Next's compression
 * would answer `deflate` to a reader who takes only that, and the copy kept for "identity"
 * would then be deflated.
 */
export function normaliseAcceptEncoding(headers: IncomingHttpHeaders, gzip: boolean): void {
  if (gzip) headers['accept-encoding'] = 'gzip';
  else delete headers['accept-encoding'];
}

const VARY_ALLOWED = new Set(['accept-encoding', 'rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url']);

const headerText = (value: OutgoingHttpHeaders[string]): string => (Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value));

/**
 * Whether a finished response may be kept for everyone: 200, marked public and not private,
 * no-store or no-cache, no cookie set, varying on nothing but what the key and the
 * bypass rules already cover, and encoded as its key says.
 */
export function isKeepableResponse(status: number, headers: OutgoingHttpHeaders, gzipKey: boolean): boolean {
  if (status !== 200) return false;
  const cacheControl = headerText(headers['cache-control']).toLowerCase();
  if (!/(^|[\s,])public([\s,]|$)/.test(cacheControl) || /private|no-store|no-cache/.test(cacheControl)) return false;
  if (headers['set-cookie'] !== undefined) return false;
  const vary = headerText(headers.vary).toLowerCase();
  if (vary && !vary.split(',').every((name) => VARY_ALLOWED.has(name.trim()) || name.trim() === '')) return false;
  const encoding = headerText(headers['content-encoding']).toLowerCase() || 'identity';
  return encoding === 'identity' || (gzipKey && encoding === 'gzip');
}

/** Headers that belong to one connection or one request, never to a stored copy. */
const NOT_STORED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length', 'date', 'age', 'x-request-id', 'x-page-cache']);

/** The headers to store with a copy, as [name, value] pairs. */
export function storedHeaders(headers: OutgoingHttpHeaders): [string, string | string[]][] {
  const kept: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_STORED.has(name.toLowerCase())) continue;
    kept.push([name, Array.isArray(value) ? value.map(String) : String(value)]);
  }
  return kept;
}
