import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userTokens } from '@/db/schema';
import { absoluteUrl } from '@/lib/config';

export const TOKEN_LIFETIME_HOURS = 72;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A one-time link to set a password (for an invitation or a reset). Only the token's hash
 * is stored; any earlier unused link for the same person stops working.
 */
export async function issuePasswordLink(tx: Executor, params: { userId: string; purpose: 'invite' | 'password_reset'; createdBy: string }) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_HOURS * 3_600_000);
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, params.userId), isNull(userTokens.usedAt)));
  await tx.insert(userTokens).values({ ...params, tokenHash: hashOf(token), expiresAt });
  return { url: absoluteUrl(`/login/set-password/${token}`), expiresAt };
}

/** The unused, unexpired token row for a link, or null. */
export async function findValidToken(tx: Executor, token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const [row] = await tx
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashOf(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())));
  return row ?? null;
}
