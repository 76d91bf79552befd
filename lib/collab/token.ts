import 'server-only';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
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
  /** This token's own id: the collaboration server accepts each token once. */
  jti: string;
};

const claimsSchema = z.object({
  userId: z.string().uuid(),
  sid: z.string().min(1).max(200),
  sessionVersion: z.number().int().nullable(),
  articleId: z.string().uuid(),
  mode: z.enum(['edit', 'read']),
  name: z.string().max(200),
  exp: z.number().int(),
  jti: z.string().min(16).max(64),
});

/** The purpose label: a key derived for collaboration tokens signs nothing else (cookies, password links). */
const KEY_PURPOSE = 'masthead collaboration token v1';
const keys = new Map<string, Buffer>();

/** The signing key: HKDF-SHA256 of AUTH_SECRET with this purpose label (cached per secret). */
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, '', KEY_PURPOSE, 32));
    keys.set(secret, key);
  }
  return key;
}

const mac = (payload: string, secret: string) => createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');

/** `payload.signature`, both base64url; the signature is HMAC-SHA256 under the HKDF-derived key. Each token gets a fresh id. */
export function signCollabToken(claims: Omit<CollabClaims, 'jti'>, secret: string): string {
  const full: CollabClaims = { ...claims, jti: randomBytes(16).toString('base64url') };
  const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The claims of a genuine, unexpired token for `articleId`, or null. (Single use is the server's check: `createTokenLedger`.) */
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

/** Where several collaboration servers (REDIS_URL) record used token ids: true if `key` was not yet set. */
export type SharedTokenStore = { setOnce(key: string, ttlSeconds: number): Promise<boolean> };

/**
 * The ids of the tokens accepted, until they expire: a token opens one connection, so one
 * copied from a page (or a proxy's memory) cannot open a second. Kept in this server's
 * memory, and with several servers also in Redis, so a token spent on one is refused by
 * the others; if Redis cannot answer, the token is refused (the page asks for a new one).
 */
export function createTokenLedger(shared?: SharedTokenStore) {
  const used = new Map<string, number>();
  return {
    /** True the first time a token id is presented, false after. */
    async claim(claims: Pick<CollabClaims, 'jti' | 'exp'>, now = Date.now()): Promise<boolean> {
      for (const [jti, exp] of used) {
        if (exp * 1000 >= now) break; // ids arrive in about their expiry order (all live 60 s)
        used.delete(jti);
      }
      if (used.has(claims.jti)) return false;
      used.set(claims.jti, claims.exp);
      if (!shared) return true;
      const ttl = Math.max(1, claims.exp - Math.floor(now / 1000));
      return shared.setOnce(`masthead:collab-token:${claims.jti}`, ttl).catch(() => false);
    },
    get size() {
      return used.size;
    },
  };
}
