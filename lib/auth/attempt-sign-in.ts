import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { checkPassword, type VerifiedUser } from './credentials';
import { reserveSignInAttempt, signInSucceeded } from './login-throttle';

export type SignInAttempt =
  | { outcome: 'signed_in'; user: VerifiedUser }
  | { outcome: 'wrong_credentials' }
  | { outcome: 'blocked'; retryAfterSeconds: number };

/**
 * The one check behind every way of signing in with a password: Auth.js's credentials
 * `authorize` calls it, and both our sign-in form and Auth.js's own
 * `/api/auth/callback/credentials` endpoint reach it only through there.
 *
 * In order: the attempt is counted against the account and the address before anything
 * else (so concurrent guesses cannot outrun the count), refused unheard while either is
 * blocked (one audit row per block, not one per refusal), then checked in constant time,
 * and its outcome audited.
 */
export async function attemptPasswordSignIn(params: { email: string; password: string; address: string }): Promise<SignInAttempt> {
  const email = params.email.trim().toLowerCase();
  const { address } = params;
  const reservation = await reserveSignInAttempt(email, address);
  if (!reservation.allowed) {
    for (const key of reservation.newlyRefused) {
      const [target] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
      await recordAudit(db, {
        actorId: null,
        action: 'auth.sign_in_blocked',
        targetType: target ? 'user' : undefined,
        targetId: target?.id,
        ip: address,
        details: { email, blocked: key.split(':')[0]!, seconds: reservation.retryAfterSeconds },
      });
    }
    return { outcome: 'blocked', retryAfterSeconds: reservation.retryAfterSeconds };
  }

  const check = await checkPassword(email, params.password);
  if (!check.user) {
    await recordAudit(db, {
      actorId: null,
      action: 'auth.sign_in_failed',
      targetType: check.accountId ? 'user' : undefined,
      targetId: check.accountId ?? undefined,
      ip: address,
      details: { email },
    });
    return { outcome: 'wrong_credentials' };
  }

  await signInSucceeded(email, address);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, check.user.id));
  await recordAudit(db, { actorId: check.user.id, action: 'auth.sign_in', targetType: 'user', targetId: check.user.id, ip: address });
  return { outcome: 'signed_in', user: check.user };
}
