import 'server-only';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { revalidateAuthors } from '@/lib/cache/expire';
import { slugify } from '@/lib/content/slug';
import { emailEnabled, sendEmail } from '@/lib/email';
import { assertCan, type Actor } from '@/lib/permissions';
import { endPreviewLinks } from '@/lib/workflow/end-preview-links';
import { issuePasswordLink, TOKEN_LIFETIME_HOURS } from './tokens';

type Audited = { actor: Actor; ip: string };

/** Refuses a change that would leave the newsroom without an active admin. */
async function assertAnotherActiveAdmin(tx: Executor, userId: string) {
  const [others] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
  if ((others?.n ?? 0) === 0) throw new ActionError('This is the last active admin. Make someone else an admin first.');
}

async function uniqueSlug(tx: Executor, name: string): Promise<string> {
  const base = slugify(name) || 'staff';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.slug, candidate));
    if (!taken) return candidate;
  }
}

export type InviteParams = Audited & { email: string; displayName: string; role: UserRole };

/** Adds a person and a 72-hour link for them to set their password (emailed when SMTP is set up). */
export async function inviteUser({ actor, ip, email, displayName, role }: InviteParams) {
  assertCan(actor, 'users.manage');
  const result = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    if (existing) throw new ActionError('Someone with this email address already has an account.', 'invalid', { email: ['Already in use.'] });
    const [user] = await tx
      .insert(users)
      .values({ email: email.toLowerCase(), displayName, role, slug: await uniqueSlug(tx, displayName) })
      .returning({ id: users.id });
    const link = await issuePasswordLink(tx, { userId: user!.id, purpose: 'invite', createdBy: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: 'user.invited', targetType: 'user', targetId: user!.id, ip, details: { email, role } });
    return { userId: user!.id, ...link };
  });
  const emailed = await sendEmail({
    to: email,
    subject: 'You have been invited to the newsroom',
    text: `Hello ${displayName},\n\nSet your password and sign in here (the link works once, for ${TOKEN_LIFETIME_HOURS} hours):\n${result.url}\n`,
  });
  await revalidateAuthors();
  return { ...result, emailed, emailConfigured: emailEnabled() };
}

/** A new one-time link for someone who forgot their password. Their sessions end. */
export async function issuePasswordReset({ actor, ip, userId }: Audited & { userId: string }) {
  assertCan(actor, 'users.manage');
  const result = await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ email: users.email, displayName: users.displayName });
    if (!user) throw new ActionError('No such person.');
    const link = await issuePasswordLink(tx, { userId, purpose: 'password_reset', createdBy: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: 'user.password_reset_issued', targetType: 'user', targetId: userId, ip });
    return { ...link, email: user.email, displayName: user.displayName };
  });
  const emailed = await sendEmail({
    to: result.email,
    subject: 'Reset your newsroom password',
    text: `Hello ${result.displayName},\n\nSet a new password here (the link works once, for ${TOKEN_LIFETIME_HOURS} hours):\n${result.url}\n`,
  });
  return { url: result.url, expiresAt: result.expiresAt, emailed };
}

/** Changes a person's role; their sessions end so the new role applies at once. */
export async function changeRole({ actor, ip, userId, role }: Audited & { userId: string; role: UserRole }) {
  assertCan(actor, 'users.manage');
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for('update');
    if (!current) throw new ActionError('No such person.');
    if (current.role === role) return;
    if (current.role === 'admin') await assertAnotherActiveAdmin(tx, userId);
    await tx.update(users).set({ role, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
    await recordAudit(tx, { actorId: actor.id, action: 'user.role_changed', targetType: 'user', targetId: userId, ip, details: { from: current.role, to: role } });
  });
}

/** Deactivates (ending every session) or reactivates a person. */
export async function setUserActive({ actor, ip, userId, active }: Audited & { userId: string; active: boolean }) {
  assertCan(actor, 'users.manage');
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).for('update');
    if (!current) throw new ActionError('No such person.');
    if (current.active === active) return;
    if (!active && current.role === 'admin') await assertAnotherActiveAdmin(tx, userId);
    await tx.update(users).set({ active, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
    // Links they shared outside the newsroom end with their account (and stay ended if it comes back).
    if (!active) await endPreviewLinks(tx, { createdBy: userId }, 'creator_deactivated');
    await recordAudit(tx, { actorId: actor.id, action: active ? 'user.reactivated' : 'user.deactivated', targetType: 'user', targetId: userId, ip });
  });
  await revalidateAuthors();
}
