import 'server-only';

const PROTOCOL = /^https?$/i;
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * A description of what is wrong with the request's X-Forwarded-Host or X-Forwarded-Proto,
 * or null when both are absent or well formed. Auth.js builds its own addresses from these
 * headers when it trusts the host (AUTH_TRUST_HOST, no AUTH_URL); a made-up value such as
 * `X-Forwarded-Proto: gopher` or a host with a space made every session check throw, a 500
 * on every newsroom page and on uploads. Such a request is answered 400 before it gets there.
 */
export function malformedForwarding(headers: Headers): string | null {
  const proto = headers.get('x-forwarded-proto');
  if (proto !== null && !PROTOCOL.test(proto.trim())) return 'X-Forwarded-Proto must be http or https.';
  const host = headers.get('x-forwarded-host');
  if (host !== null && !HOST.test(host.trim())) return 'X-Forwarded-Host must be a host name, with an optional port.';
  return null;
}
