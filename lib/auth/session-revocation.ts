import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { revokedSessions, users } from '@/db/schema';
import { sessionSettings } from './session-settings';

export type SessionClaims = { userId: string; sid: string; authTime: number; sessionVersion?: number };

/**
 * Ends one session on the server (signing out), so no copy of its cookie works again: its
 * id is refused until the session would have expired anyway.
 */
export async function revokeSession({ userId, sid, authTime }: SessionClaims): Promise<void> {
  const expiresAt = new Date((authTime + sessionSettings.maxSeconds) * 1000);
  await db.insert(revokedSessions).values({ sid, userId, expiresAt }).onConflictDoNothing();
}

/** Whether a session's person is still active, its version current and it was not signed out. */
export async function isSessionLive({ userId, sid, sessionVersion }: SessionClaims): Promise<boolean> {
  const [row] = await db
    .select({
      live: sql<boolean>`${users.active} and ${users.sessionVersion} = ${sessionVersion ?? -1}
        and not exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sid})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row?.live === true;
}
