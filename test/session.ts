import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { vi } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { auth } from '@/lib/auth/auth';

/**
 * Tests stand in for the session cookie: `auth()` (mocked in test/setup.ts) returns what
 * a decoded token would hold. A copy taken now keeps its session version, as a stolen or
 * stale cookie would.
 */
export type FakeSession = { userId: string; sessionVersion: number; authTime: number; sid: string } | null;

export async function sessionFor(userId: string): Promise<FakeSession> {
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return { userId, sessionVersion: row!.sessionVersion, authTime: Math.floor(Date.now() / 1000), sid: randomUUID() };
}

export function actAs(session: FakeSession): void {
  vi.mocked(auth).mockResolvedValue(session as never);
}

export async function signInAs(userId: string | null): Promise<void> {
  actAs(userId ? await sessionFor(userId) : null);
}
