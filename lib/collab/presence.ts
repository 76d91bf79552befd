import 'server-only';
import { and, eq, ne, or, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles } from '@/db/schema';

/** The collaboration server marks who is typing in a story this often; older marks mean nobody. */
export const EDITING_FRESH_MS = 90_000;

/**
 * Records that `userId` is typing in the story now, for the newsroom's "X is editing" lists.
 * Only a mark: nobody is locked out (the story's shared document takes everyone's edits).
 */
export async function markBeingEdited(articleId: string, userId: string): Promise<void> {
  const now = new Date();
  await db.update(articles).set({ lockUserId: userId, lockHeartbeatAt: now }).where(and(eq(articles.id, articleId), eq(articles.lockUserId, userId)));
  await db
    .update(articles)
    .set({ lockUserId: userId, lockHeartbeatAt: now, lockAcquiredAt: now })
    .where(and(eq(articles.id, articleId), or(isNull(articles.lockUserId), ne(articles.lockUserId, userId))));
}
