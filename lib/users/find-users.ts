import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { assertCan, type Actor } from '@/lib/permissions';

export type StaffMember = {
  id: string;
  email: string;
  displayName: string;
  slug: string;
  role: UserRole;
  active: boolean;
  hasPassword: boolean;
  lastSignInAt: Date | null;
};

/** Everyone with an account, for admins. */
export async function findStaff(actor: Actor): Promise<StaffMember[]> {
  assertCan(actor, 'users.manage');
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      slug: users.slug,
      role: users.role,
      active: users.active,
      passwordHash: users.passwordHash,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .orderBy(asc(users.displayName));
  return rows.map(({ passwordHash, ...row }) => ({ ...row, hasPassword: passwordHash !== null }));
}

export type Profile = { id: string; email: string; displayName: string; slug: string; jobTitle: string; bio: string; photoMediaId: string | null };

/** A profile as its owner or an admin edits it. */
export async function getProfileForEditing(actor: Actor, userId: string): Promise<Profile | null> {
  assertCan(actor, userId === actor.id ? 'account.own' : 'users.manage');
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      slug: users.slug,
      jobTitle: users.jobTitle,
      bio: users.bio,
      photoMediaId: users.photoMediaId,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Names of active staff, for bylines and the newsroom's filters: for people who write stories. */
export async function findStaffNames(viewer: Actor): Promise<{ id: string; displayName: string }[]> {
  assertCan(viewer, 'article.create');
  return db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.active, true)).orderBy(asc(users.displayName));
}
