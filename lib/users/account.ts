import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { clearAccountBlock } from '@/lib/auth/login-throttle';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { revalidateAuthors } from '@/lib/cache/expire';
import { SLUG_PATTERN } from '@/lib/content/slug';
import { assertCan, type Actor } from '@/lib/permissions';
import { claimToken, findValidToken } from './tokens';

function assertGoodPassword(password: string, context: { email?: string; name?: string }, field = 'password') {
  const problem = passwordProblem(password, context);
  if (problem) throw new ActionError(problem, 'invalid', { [field]: [problem] });
}

/**
 * Changes one's own password (the current one is required) and ends every other session
 * by raising the session version. Returns the new version for the caller's fresh session.
 */
export async function changeOwnPassword(params: { actor: Actor; ip: string; currentPassword: string; newPassword: string }) {
  const { actor, ip, currentPassword, newPassword } = params;
  assertCan(actor, 'account.own');
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ActionError('Your current password is not correct.', 'invalid', { currentPassword: ['Not correct.'] });
  }
  assertGoodPassword(newPassword, { email: user.email, name: user.displayName }, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'auth.password_changed', targetType: 'user', targetId: actor.id, ip });
  });
  return { email: user.email };
}

/** Ends every session of the actor, on every device, including this one. */
export async function signOutEverywhere({ actor, ip }: { actor: Actor; ip: string }) {
  assertCan(actor, 'account.own');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'auth.sign_out_everywhere', targetType: 'user', targetId: actor.id, ip });
  });
}

const LINK_USED_UP = 'This link has expired or has already been used. Ask for a new one from the sign-in page, or ask an admin.';

/**
 * Sets a password from an invitation or reset link; the link then stops working, the
 * person's other sessions end, and any sign-in block on the account is lifted (the link
 * proves they own the address, which is how a blocked owner gets back in).
 */
export async function setPasswordWithToken({ token, password, ip }: { token: string; password: string; ip: string }) {
  // A first look, without using the link up, so a refused password leaves it working.
  const found = await findValidToken(db, token);
  if (!found) throw new ActionError(LINK_USED_UP);
  const [user] = await db.select({ email: users.email, displayName: users.displayName, active: users.active }).from(users).where(eq(users.id, found.userId));
  if (!user?.active) throw new ActionError('This account is not active. Ask an admin.');
  assertGoodPassword(password, { email: user.email, name: user.displayName });
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const claimed = await claimToken(tx, token);
    if (!claimed) throw new ActionError(LINK_USED_UP);
    await tx.update(users).set({ passwordHash: hash, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, claimed.userId));
    await clearAccountBlock(user.email, tx);
    await recordAudit(tx, { actorId: claimed.userId, action: 'auth.password_set', targetType: 'user', targetId: claimed.userId, ip, details: { purpose: claimed.purpose } });
  });
  return { email: user.email };
}

export type ProfileParams = {
  actor: Actor;
  ip: string;
  userId: string;
  displayName: string;
  slug: string;
  jobTitle: string;
  bio: string;
  photoMediaId: string | null;
};

/** Edits an author profile: one's own, or anyone's for an admin. */
export async function updateProfile(params: ProfileParams) {
  const { actor, ip, userId, ...profile } = params;
  assertCan(actor, userId === actor.id ? 'account.own' : 'users.manage');
  if (!SLUG_PATTERN.test(profile.slug)) {
    throw new ActionError('Use lowercase letters, digits and hyphens.', 'invalid', { slug: ['Use lowercase letters, digits and hyphens.'] });
  }
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.slug, profile.slug), ne(users.id, userId)));
    if (taken) throw new ActionError('Another person already uses this address.', 'invalid', { slug: ['Already in use.'] });
    const [updated] = await tx.update(users).set(profile).where(eq(users.id, userId)).returning({ id: users.id });
    if (!updated) throw new ActionError('No such person.');
    await recordAudit(tx, { actorId: actor.id, action: 'user.profile_updated', targetType: 'user', targetId: userId, ip });
  });
  await revalidateAuthors();
}
