import 'server-only';
import { configuredSiteUrl } from '@/lib/config';
import { originOf } from './origin-of';

/**
 * Whether a browser request was sent by one of our own pages. Browsers name the sending
 * page's origin in `Origin` on every cross-site POST; it is `null` from sandboxed frames,
 * `file:` pages and some redirects, which must not pass (and must not crash the parser:
 * `new URL('null')` throws). No header at all is a non-browser client, which carries no
 * one else's cookies, so it is left to the session check.
 */
export function isSameOriginRequest(request: Request, siteUrl = configuredSiteUrl()): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const sender = originOf(origin);
  if (!sender) return false;
  return sender === originOf(request.url) || (siteUrl !== undefined && sender === originOf(siteUrl));
}
