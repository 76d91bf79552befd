import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';

export type VerifiedUser = { id: string; sessionVersion: number };
export type PasswordCheck = { user: VerifiedUser } | { user: null; accountId: string | null };

// Checked against when the email is unknown, so that both failures take the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Whether this email and password belong to someone who may sign in. Unknown emails, wrong
 * passwords, deactivated accounts and accounts without a password all fail alike, after one
 * argon2 verification each (against a dummy hash when there is no real one), so the time
 * taken does not tell them apart. `accountId` (for the audit log) is the account the email
 * names, if any.
 */
export async function checkPassword(email: string, password: string): Promise<PasswordCheck> {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
    await verifyPassword(await dummyHash, password);
    return { user: null, accountId: user?.id ?? null };
  }
  const matches = await verifyPassword(user.passwordHash, password);
  if (!matches || !user.active) return { user: null, accountId: user.id };
  return { user: { id: user.id, sessionVersion: user.sessionVersion } };
}

/** The person with this email and password, if they may sign in (no throttling: see attempt-sign-in.ts). */
export async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  return (await checkPassword(email, password)).user;
}
