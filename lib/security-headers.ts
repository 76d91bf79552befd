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

export function readerContentSecurityPolicy(): string {
  return [...common, "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'self'"].join('; ');
}

export function newsroomContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    ...common,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const baseSecurityHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
