import { originOf } from '@/lib/http/origin-of';

/**
 * Which pages may open a WebSocket to the collaboration server. A browser always names the
 * page's origin in `Origin` on a WebSocket upgrade, and (unlike a form POST) the server
 * gets no preflight: without this check any site could open a connection from a
 * newsroom member's browser. The token already stops a page without one; this refuses
 * such a page before it reaches authentication. No header at all is a non-browser client
 * (scripts, tests, another server), which carries nobody's browser state and still needs a token.
 */
export function isAllowedOrigin(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  const sender = originOf(origin);
  return sender !== null && allowed.includes(sender);
}

/** The origins pages are served from: SITE_URL's, and outside production the same port on localhost and 127.0.0.1. */
export function collabOrigins(siteUrl: string, production: boolean): string[] {
  const site = originOf(siteUrl);
  if (!site) return [];
  const origins = new Set([site]);
  if (!production) {
    const url = new URL(site);
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
      for (const host of ['localhost', '127.0.0.1']) origins.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
    }
  }
  return [...origins];
}
