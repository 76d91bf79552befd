import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';

export type VerifiedUser = { id: string; sessionVersion: number };

// Checked against when the email is unknown, so that both failures take the same time.
let dummyHash: Promise<string> | undefined;

/**
 * The person with this email and password, if they may sign in. Unknown emails, wrong
 * passwords, deactivated accounts and accounts without a password all fail the same way.
 */
export async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
    await verifyPassword(await dummyHash, password);
    return null;
  }
  const matches = await verifyPassword(user.passwordHash, password);
  if (!matches || !user.active) return null;
  return { id: user.id, sessionVersion: user.sessionVersion };
}
