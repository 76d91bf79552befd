import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A connection token lives this long: long enough to connect, too short to be worth stealing. */
export const COLLAB_TOKEN_SECONDS = 60;

/**
 * What the app vouches for when it hands a browser a token for one story's shared document:
 * who (with the session it came from, checked again on the collaboration server) and whether
 * they may type or only watch.
 */
export type CollabClaims = {
  userId: string;
  /** The session's id and version, so a signed-out or revoked session is dropped. */
  sid: string;
  sessionVersion: number | null;
  articleId: string;
  mode: 'edit' | 'read';
  name: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
};

const claimsSchema = z.object({
  userId: z.string().uuid(),
  sid: z.string().min(1).max(200),
  sessionVersion: z.number().int().nullable(),
  articleId: z.string().uuid(),
  mode: z.enum(['edit', 'read']),
  name: z.string().max(200),
  exp: z.number().int(),
});

const mac = (payload: string, secret: string) => createHmac('sha256', `masthead-collab:${secret}`).update(payload).digest('base64url');

/** `payload.signature`, both base64url; the signature is HMAC-SHA256 with a key derived from AUTH_SECRET. */
export function signCollabToken(claims: CollabClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The claims of a genuine, unexpired token for `articleId`, or null. */
export function verifyCollabToken(token: string, secret: string, articleId: string, now = Date.now()): CollabClaims | null {
  if (token.length > 4096) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed;
  try {
    parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  if (parsed.data.articleId !== articleId || parsed.data.exp * 1000 < now) return null;
  return parsed.data;
}
