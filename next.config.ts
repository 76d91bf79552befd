import type { NextConfig } from 'next';
import { baseSecurityHeaders, readerContentSecurityPolicy } from './lib/security-headers';

/**
 * Reader pages may be kept by a CDN or nginx in front: fresh for a minute, then served
 * stale while it refreshes, and for a day if the origin fails. (Next would otherwise mark
 * pages with a per-request part, such as Most Popular, as uncacheable.) Browsers always
 * revalidate, so a withdrawn story disappears within the shared cache's minute.
 */
const READER_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';

const readerPaths = ['/', '/articles/:path*', '/sections/:path*', '/authors/:path*', '/tags/:path*', '/search', '/corrections'];

const nextConfig: NextConfig = {
  cacheComponents: true,
  // Off: an address that was not prerendered must wait for its own render, so an unknown
  // story answers 404 (with Partial Prefetching it would stream into a 200 shell).
  partialPrefetching: false,
  poweredByHeader: false,
  // The stylesheet is small: inline it rather than make the first paint wait for a request.
  experimental: {
    inlineCss: true,
    // A long story's body, as the editor's JSON, can pass Next's default 1 MB per action.
    serverActions: { bodySizeLimit: '4mb' },
  },
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: baseSecurityHeaders },
      // The newsroom and sign-in pages get a nonce-based policy from the proxy instead.
      {
        source: '/((?!newsroom|login).*)',
        headers: [{ key: 'Content-Security-Policy', value: readerContentSecurityPolicy() }],
      },
      ...readerPaths.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: READER_CACHE }] })),
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
