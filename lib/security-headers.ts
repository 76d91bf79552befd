/**
 * Response headers for safety, in one place. Imported by next.config.ts and the proxy,
 * so no 'server-only' here.
 *
 * The newsroom is rendered per request, so its policy allows only scripts carrying that
 * response's nonce. Reader pages are prerendered and cached, where no per-response nonce
 * can exist (Next documents this), so their policy allows Next's inline bootstrap scripts
 * ('unsafe-inline'); what keeps injected script out of them is that nothing a person
 * types is ever rendered as HTML (see components/site/article-body.tsx).
 */
const common = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/**
 * `development`: React's development build uses eval() to rebuild server call stacks for
 * the console; without it every dev page logs a CSP error. Production builds never eval.
 */
export function readerContentSecurityPolicy(development = false): string {
  return [...common, `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`, "style-src 'self' 'unsafe-inline'", "frame-ancestors 'self'"].join('; ');
}

/**
 * `collabUrl`: the collaboration server's WebSocket address when it is not this site's own
 * `/collab` (COLLAB_URL), so the story editor may connect to it and nowhere else.
 */
export function newsroomContentSecurityPolicy(nonce: string, development: boolean, collabUrl: string | null = null): string {
  const collabOrigin = collabUrl && /^wss?:\/\//.test(collabUrl) ? new URL(collabUrl).origin : null;
  return [
    ...common.map((rule) => (collabOrigin && rule.startsWith('connect-src') ? `${rule} ${collabOrigin}` : rule)),
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * HSTS: browsers that once reached the site over https refuse plain http to it from then on,
 * so a network attacker cannot strip TLS from a later visit. Two years, as recommended for
 * the preload list; no `includeSubDomains`, because a paper's other hosts (a staging site,
 * an old blog) may still be plain http and this header would break them for two years.
 */
export const strictTransportSecurity = { key: 'Strict-Transport-Security', value: 'max-age=63072000' };

/**
 * When to send HSTS, as rules for next.config.ts `headers()` (fixed at build time, like the
 * canonical links that SITE_URL also decides):
 * - the public address (SITE_URL) is https: on every response;
 * - otherwise only when the request says it arrived over https (`X-Forwarded-Proto: https`,
 *   set by a TLS-terminating proxy). A client can forge that header, but all it gains is
 *   HSTS on a plain-http response, which browsers ignore by specification (RFC 6797 §8.1);
 *   so the header needs no trusted-proxy list. Plain-http development never receives it,
 *   so `localhost` is never pinned to https.
 */
export function strictTransportSecurityRules(siteUrl: string | undefined) {
  const always = siteUrl?.trim().toLowerCase().startsWith('https://') ?? false;
  return [
    {
      source: '/:path*',
      ...(always ? {} : { has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https(?:\\s*,.*)?' }] }),
      headers: [strictTransportSecurity],
    },
  ];
}

export const baseSecurityHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
