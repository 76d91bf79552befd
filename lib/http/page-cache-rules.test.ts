import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, isKeepableResponse, MAX_CACHED_URL_LENGTH, normaliseAcceptEncoding, pageCacheKey, RENDERED_PAGE_MS, servedAsIsMs, storedHeaders } from './page-cache-rules';

const get = (url: string, headers: IncomingHttpHeaders = {}) => pageCacheKey({ method: 'GET', url, headers });
const READER = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';
const page = (extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders => ({ 'cache-control': READER, 'content-type': 'text/html; charset=utf-8', ...extra });

describe('which requests the page cache may answer', () => {
  it('keys reader GETs by address, query and whether gzip is taken', () => {
    expect(get('/')).toBe('identity /');
    expect(get('/articles/harbour-reopens?utm=x', { 'accept-encoding': 'gzip, deflate, br' })).toBe('gzip /articles/harbour-reopens');
    expect(get('/sections/city?page=2', { cookie: 'theme=dark' })).toBe('identity /sections/city?page=2');
    expect(get('/newsroom-tips')).toBe('identity /newsroom-tips');
  });

  it('keys by the query parameters that change a page only, so tracking and made-up ones share one entry', () => {
    expect(get('/articles/harbour-reopens?utm_source=x&fbclid=y')).toBe('identity /articles/harbour-reopens');
    expect(get('/articles/harbour-reopens/og.png?x=12345')).toBe('identity /articles/harbour-reopens/og.png');
    expect(get('/articles/live-summit?v=42&utm_medium=social')).toBe('identity /articles/live-summit?v=42');
    expect(get('/tags/harbour?x=1&page=3')).toBe('identity /tags/harbour?page=3');
    expect(get('/sections/city?pages=2&vv=1')).toBe('identity /sections/city');
    expect(get('/search?q=harbour&utm=x&page=2')).toBe('identity /search?q=harbour&utm=x&page=2');
  });

  it('keeps a live blog’s poll answer, keyed by its whole query, and no other API answer', () => {
    const poll = '/api/live/3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11?since=12';
    expect(get(poll)).toBe(`identity ${poll}`);
    expect(get('/api/live/3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11?since=12&x=1')).toBe('identity /api/live/3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11?since=12&x=1');
    for (const url of ['/api/live/3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11/more', '/api/live/not-a-blog', '//api/live/3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11', '/API/live/3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11', '/api/views', '/api/health']) {
      expect(get(url), url).toBeNull();
    }
    expect(get(poll, { cookie: 'authjs.session-token=abc' })).toBeNull();
  });

  it('keeps answers to readers a proxy says came over https apart (they carry Strict-Transport-Security)', () => {
    expect(get('/', { 'x-forwarded-proto': 'https' })).toBe('identity https /');
    expect(get('/', { 'x-forwarded-proto': 'HTTPS, http' })).toBe('identity https /');
    expect(get('/', { 'x-forwarded-proto': 'http' })).toBe('identity /');
  });

  it('leaves methods other than GET and HEAD, the newsroom, sign-in, the API, previews, assets, media and co-editing to the app', () => {
    expect(pageCacheKey({ method: 'HEAD', url: '/', headers: {} })).toBe('identity /');
    expect(pageCacheKey({ method: 'POST', url: '/', headers: {} })).toBeNull();
    for (const url of ['/newsroom', '/newsroom/stories/1', '/NEWSROOM', '//newsroom', '/%6Eewsroom/x', '/login?next=/newsroom', '/api/health', '/preview/token', '/_next/static/chunk.js', '/media/abc', '/collab', '/%E0%A4%A']) {
      expect(get(url), url).toBeNull();
    }
    expect(get('http://example.com/')).toBeNull();
    expect(get(`/search?q=${'a'.repeat(MAX_CACHED_URL_LENGTH)}`)).toBeNull();
  });

  it('leaves anyone signed in to the app, whatever the session cookie is called', () => {
    for (const cookie of ['authjs.session-token=abc', '__Secure-authjs.session-token=abc', 'theme=dark; authjs.session-token.0=abc; authjs.session-token.1=def', 'a=1;__Secure-authjs.session-token.0=x', '__prerender_bypass=1']) {
      expect(get('/', { cookie }), cookie).toBeNull();
    }
  });

  it("leaves the browser router's requests, server actions and partial requests to the app", () => {
    for (const name of ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'next-action', 'range', 'authorization']) {
      expect(get('/', { [name]: '1' }), name).toBeNull();
    }
  });

  it('asks Next for gzip or for no encoding at all', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    const headers: IncomingHttpHeaders = { 'accept-encoding': 'deflate' };
    normaliseAcceptEncoding(headers, false);
    expect(headers['accept-encoding']).toBeUndefined();
    normaliseAcceptEncoding(headers, true);
    expect(headers['accept-encoding']).toBe('gzip');
  });
});

describe('which responses the page cache keeps', () => {
  it('keeps a public 200 as its key says it is encoded', () => {
    expect(isKeepableResponse(200, page(), false)).toBe(true);
    expect(isKeepableResponse(200, page({ 'content-encoding': 'gzip', vary: 'rsc, next-router-state-tree, next-router-prefetch, Accept-Encoding' }), true)).toBe(true);
    expect(isKeepableResponse(200, page(), true)).toBe(true); // too small to compress
    expect(isKeepableResponse(200, page({ 'content-encoding': 'gzip' }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ 'content-encoding': 'deflate' }), true)).toBe(false);
  });

  it('keeps nothing but 200s', () => {
    for (const status of [201, 301, 304, 404, 410, 429, 500, 503]) expect(isKeepableResponse(status, page(), false), String(status)).toBe(false);
  });

  it('keeps nothing private, unmarked, or that sets a cookie or varies on something else', () => {
    expect(isKeepableResponse(200, page({ 'cache-control': 'private, no-store' }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ 'cache-control': 'public, no-cache' }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ 'cache-control': 'public, no-store' }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ 'cache-control': 's-maxage=60' }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ 'cache-control': undefined }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ 'set-cookie': ['authjs.csrf-token=x'] }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ vary: 'Cookie' }), false)).toBe(false);
    expect(isKeepableResponse(200, page({ vary: '*' }), false)).toBe(false);
  });

  it('stores no header that belongs to one connection or one request', () => {
    const kept = storedHeaders(page({ connection: 'keep-alive', 'keep-alive': 'timeout=5', 'transfer-encoding': 'chunked', 'content-length': 10, date: 'now', 'x-request-id': 'one-request', 'x-page-cache': 'miss', age: '3', 'x-cache-tag': ['a', 'b'] }));
    expect(Object.fromEntries(kept)).toEqual({ 'cache-control': READER, 'content-type': 'text/html; charset=utf-8', 'x-cache-tag': ['a', 'b'] });
  });
});

describe('how long a copy is served as it is', () => {
  it('keeps story, list and search pages, which Next renders per request, longer than the rest', () => {
    const served = (url: string, headers: IncomingHttpHeaders = {}) => servedAsIsMs(get(url, headers)!, 1_000);
    expect(served('/articles/harbour-reopens')).toBe(RENDERED_PAGE_MS);
    expect(served('/articles/harbour-reopens?v=12&utm_source=x', { 'accept-encoding': 'gzip', 'x-forwarded-proto': 'https' })).toBe(RENDERED_PAGE_MS);
    for (const url of ['/sections/city', '/sections/city?page=40', '/authors/mira-castellanos', '/tags/housing?page=2', '/search?q=harbour', '/search']) {
      expect(served(url), url).toBe(RENDERED_PAGE_MS);
    }
    for (const url of ['/', '/articles/harbour-reopens/og.png', '/articles/harbour-reopens/feed.xml', '/articles/harbour-reopens/updates/4', '/sections/city/feed.xml', '/corrections', '/searching', '/search/x']) {
      expect(served(url), url).toBe(1_000);
    }
    expect(servedAsIsMs(get('/articles/harbour-reopens')!, 60_000)).toBe(60_000);
  });
});
