import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import { cdnKeyHeaders, staticRouteKeys } from './lib/cache/cdn-keys';
import { baseSecurityHeaders, readerContentSecurityPolicy, strictTransportSecurityRules } from './lib/security-headers';

/**
 * Reader pages may be kept by a CDN or nginx in front: fresh for a minute, then served
 * stale while it refreshes, and for a day if the origin fails. (Next would otherwise mark
 * pages with a per-request part, such as Most Popular, as uncacheable.) Browsers always
 * revalidate, so a withdrawn story disappears within the shared cache's minute.
 */
const READER_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';

const readerPaths = ['/', '/articles/:path*', '/sections/:path*', '/authors/:path*', '/tags/:path*', '/search', '/corrections'];

/**
 * CDN keys (lib/cache/cdn-keys.ts) of the pages whose keys are the same whoever asks; the
 * proxy names article and list pages' keys, route handlers their own.
 */
const keyedPaths: [string, string[]][] = [
  ['/', staticRouteKeys.home],
  ['/corrections', staticRouteKeys.corrections],
  ['/search', staticRouteKeys.search],
];
const keyHeaders = (keys: string[]) => Object.entries(cdnKeyHeaders(keys)).map(([key, value]) => ({ key, value }));

// `next dev` runs with NODE_ENV=development; `next build` and `next start` with production.
const development = process.env.NODE_ENV === 'development';

const nextConfig: NextConfig = {
  cacheComponents: true,
  // The dev server refuses hot reload to other origins than localhost unless named here.
  allowedDevOrigins: ['127.0.0.1'],
  // Search results get a cache of their own, so made-up queries cannot push pages' data out.
  cacheHandlers: {
    default: fileURLToPath(new URL('./lib/cache/data-cache-handler.mjs', import.meta.url)),
    search: fileURLToPath(new URL('./lib/reader/search-cache-handler.mjs', import.meta.url)),
  },
  // Next's in-memory copy of whole pages (the route cache; every page is on disk too). 10 MB
  // holds the ~70 most recent pages; the default 50 MB filled with archive pages read once
  // and kept RSS ~40-70 MB higher under first visits. Hot pages are answered by the app's
  // page cache (lib/http/page-cache.ts) before Next, which reads this at most once a second
  // per page. ('use cache' data keeps its 50 MB: lib/cache/data-cache-handler.mjs.)
  cacheMaxMemorySize: 10 * 1024 * 1024,
  // Off: an address that was not prerendered must wait for its own render, so an unknown
  // story answers 404 (with Partial Prefetching it would stream into a 200 shell).
  partialPrefetching: false,
  poweredByHeader: false,
  // Off: Next would hash every page it sends (an FNV-1a loop in JavaScript over the whole
  // HTML) on every request, the largest single cost of a cache hit, and one that grew
  // fourfold once a server action had run (docs/performance.md). A CDN or nginx in front
  // can make ETags; browsers revalidate reader pages through the CDN anyway.
  generateEtags: false,
  // The stylesheet is not inlined: inlined, its 27 KB went into every page three times (the
  // <style> element and twice in the RSC payload); as a file it is fetched once and cached.
  experimental: {
    // A long story's body, as the editor's JSON, can pass Next's default 1 MB per action.
    serverActions: { bodySizeLimit: '4mb' },
    // Next copies a request's body into memory for the proxy, by default up to 10 MB. The
    // only bodies on proxied paths are server actions, refused past 4 MB anyway; a little
    // more than that keeps the refusal a 413 while halving what one request can hold.
    proxyClientMaxBodySize: '5mb',
  },
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: baseSecurityHeaders },
      ...strictTransportSecurityRules(process.env.SITE_URL),
      // The newsroom, sign-in and preview-link pages get a nonce-based policy from the proxy.
      {
        source: '/((?!newsroom|login|preview/).*)',
        headers: [{ key: 'Content-Security-Policy', value: readerContentSecurityPolicy(development) }],
      },
      ...readerPaths.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: READER_CACHE }] })),
      ...keyedPaths.map(([source, keys]) => ({ source, headers: keyHeaders(keys) })),
      ...['/newsroom', '/newsroom/:path*', '/login', '/login/:path*', '/preview/:path*'].map((source) => ({
        source,
        headers: [
          { key: 'Cache-Control', value: 'private, no-store' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      })),
    ];
  },
};

export default nextConfig;
