import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { userTokens } from '@/db/schema';
import { absoluteUrl } from '@/lib/config';

export const TOKEN_LIFETIME_HOURS = 72;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const wellFormed = (token: string) => /^[\w-]{20,100}$/.test(token);

export type PasswordLinkParams = {
  userId: string;
  purpose: 'invite' | 'password_reset';
  /** The admin who asked for it; null when the person asked for it themselves. */
  createdBy: string | null;
  lifetimeHours?: number;
};

/**
 * A one-time link to set a password (for an invitation or a reset). Only the token's hash
 * is stored; any earlier unused link for the same person stops working.
 */
export async function issuePasswordLink(tx: Executor, { lifetimeHours = TOKEN_LIFETIME_HOURS, ...params }: PasswordLinkParams) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + lifetimeHours * 3_600_000);
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, params.userId), isNull(userTokens.usedAt)));
  await tx.insert(userTokens).values({ ...params, tokenHash: hashOf(token), expiresAt });
  return { url: absoluteUrl(`/login/set-password/${token}`), expiresAt };
}

/** The unused, unexpired token row for a link, or null. Looking does not use it up. */
export async function findValidToken(tx: Executor, token: string) {
  if (!wellFormed(token)) return null;
  const [row] = await tx
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashOf(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())));
  return row ?? null;
}

/**
 * Uses up a link: marks it used and returns its row, or null if it is unknown, expired or
 * already used. One conditional UPDATE does both, so of two uses racing each other exactly
 * one gets the row (the other waits for the row lock, then finds `used_at` set).
 */
export async function claimToken(tx: Executor, token: string) {
  if (!wellFormed(token)) return null;
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.tokenHash, hashOf(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, sql`now()`)))
    .returning();
  return row ?? null;
}
