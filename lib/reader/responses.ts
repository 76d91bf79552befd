import 'server-only';
import { cdnKeyHeaders, staticRouteKeys } from '@/lib/cache/cdn-keys';

/** Caching for shared caches (a CDN or nginx in front): fresh for a minute, then served stale while refreshing. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';

/** Feeds and sitemaps, named for a CDN by the tags they are built from. */
export function xmlResponse(body: string, contentType = 'application/xml; charset=utf-8', keys: readonly string[] = staticRouteKeys.feed): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': PUBLIC_CACHE_CONTROL, ...cdnKeyHeaders(keys) } });
}

export const rssResponse = (body: string, keys?: readonly string[]) => xmlResponse(body, 'application/rss+xml; charset=utf-8', keys);
