import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { AuthError } from 'next-auth';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { ActionError } from '@/lib/actions/define-action';
import { recordAudit } from '@/lib/audit';
import { signIn } from './auth';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from './login-throttle';

export const WRONG_CREDENTIALS = 'The email address or password is not correct.';

function minutesText(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Signs a person in, or refuses with the same message and status whether the email is
 * unknown or the password wrong. Throttled per account and per address first.
 */
export async function signInWithPassword(email: string, password: string, ip: string): Promise<void> {
  const gate = await checkLoginAllowed(email, ip);
  if (!gate.allowed) {
    await recordAudit(db, { actorId: null, action: 'auth.sign_in_blocked', ip, details: { email: email.toLowerCase() } });
    throw new ActionError(`Too many attempts. Please wait ${minutesText(gate.retryAfterSeconds)} and try again.`);
  }
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    await recordLoginFailure(email, ip);
    const [target] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
    await recordAudit(db, {
      actorId: null,
      action: 'auth.sign_in_failed',
      targetType: target ? 'user' : undefined,
      targetId: target?.id,
      ip,
      details: { email: email.toLowerCase() },
    });
    throw new ActionError(WRONG_CREDENTIALS);
  }
  await recordLoginSuccess(email);
  const [user] = await db
    .update(users)
    .set({ lastSignInAt: new Date() })
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .returning({ id: users.id });
  await recordAudit(db, { actorId: user?.id ?? null, action: 'auth.sign_in', targetType: 'user', targetId: user?.id, ip });
}

/** Where to go after signing in: only newsroom paths on this site. */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/newsroom(\/[\w\-/]*)?$/.test(next) ? next : '/newsroom';
}
