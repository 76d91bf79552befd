import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { connection } from 'next/server';
import { cache } from 'react';
import { db } from '@/db/client';
import { revokedSessions, users, type UserRole } from '@/db/schema';
import { auth } from './auth';
import { revokeSession } from './session-revocation';
import { sessionSettings } from './session-settings';

export type CurrentUser = { id: string; email: string; role: UserRole; displayName: string; slug: string };

/**
 * The signed-in person for this request, or null. The user row is read on every request
 * (once per request), so deactivation, a role or password change and "sign out
 * everywhere" (all of which raise the session version) take effect at the next request,
 * and a signed-out session is refused even if a copy of its cookie survives.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  await connection();
  const session = await auth();
  if (!session?.userId || !session.sid || typeof session.authTime !== 'number') return null;
  if (Date.now() / 1000 - session.authTime > sessionSettings.maxSeconds) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      displayName: users.displayName,
      slug: users.slug,
      active: users.active,
      sessionVersion: users.sessionVersion,
      signedOut: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${session.sid})`,
    })
    .from(users)
    .where(eq(users.id, session.userId));
  if (!user || !user.active || user.signedOut || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, role: user.role, displayName: user.displayName, slug: user.slug };
});

/** Ends this one session on the server (signing out), so no copy of its cookie works again. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth();
  if (!session?.sid || !session.userId || typeof session.authTime !== 'number') return;
  await revokeSession({ userId: session.userId, sid: session.sid, authTime: session.authTime });
}

/** This request's session id and version (for tokens that other servers check against it). */
export async function currentSessionClaims(): Promise<{ sid: string; sessionVersion: number | null } | null> {
  const session = await auth();
  if (!session?.sid) return null;
  return { sid: session.sid, sessionVersion: session.sessionVersion ?? null };
}
