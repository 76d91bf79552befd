import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles, notifications, users, type Article } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/permissions';
import { assertCanEdit, assertCanView, loadStory } from './story-record';

/** An editor's page sends a heartbeat every 30 seconds; a lock without one for this long is free. */
export const LOCK_FRESH_MS = 90_000;

export type Presence = {
  /** Who holds the story, when it is not the asker. */
  heldBy: { name: string; since: Date } | null;
  /** Whether the asker holds it. */
  mine: boolean;
  version: number;
};

export function lockIsHeldByOther(article: Article, userId: string): { userId: string; since: Date } | null {
  if (!article.lockUserId || article.lockUserId === userId || !article.lockHeartbeatAt) return null;
  if (Date.now() - article.lockHeartbeatAt.getTime() > LOCK_FRESH_MS) return null;
  return { userId: article.lockUserId, since: article.lockAcquiredAt ?? article.lockHeartbeatAt };
}

async function presenceOf(article: Article, actorId: string): Promise<Presence> {
  const holder = lockIsHeldByOther(article, actorId);
  if (!holder) return { heldBy: null, mine: article.lockUserId === actorId, version: article.version };
  const [name] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, holder.userId));
  return { heldBy: { name: name?.displayName ?? 'Someone', since: holder.since }, mine: false, version: article.version };
}

/**
 * Called when the story editor opens and then every 30 seconds: keeps (or takes, if free)
 * the soft lock for someone who may edit, and says who holds it otherwise.
 */
export async function keepEditing(actor: Actor, articleId: string): Promise<Presence> {
  return db.transaction(async (tx) => {
    const { article, access } = await loadStory(tx, articleId, true);
    assertCanView(actor, access);
    let mayEdit = true;
    try {
      assertCanEdit(actor, access);
    } catch {
      mayEdit = false;
    }
    if (mayEdit && !lockIsHeldByOther(article, actor.id)) {
      const now = new Date();
      const [updated] = await tx
        .update(articles)
        .set({ lockUserId: actor.id, lockHeartbeatAt: now, ...(article.lockUserId === actor.id ? {} : { lockAcquiredAt: now }) })
        .where(eq(articles.id, articleId))
        .returning();
      return presenceOf(updated!, actor.id);
    }
    return presenceOf(article, actor.id);
  });
}

/** Takes the story over from whoever holds it; they are told, and their page stops saving. */
export async function takeOverEditing(actor: Actor, articleId: string, ip: string): Promise<Presence> {
  return db.transaction(async (tx) => {
    const { article, access } = await loadStory(tx, articleId, true);
    assertCanEdit(actor, access);
    const previous = lockIsHeldByOther(article, actor.id);
    const now = new Date();
    const [updated] = await tx
      .update(articles)
      .set({ lockUserId: actor.id, lockAcquiredAt: now, lockHeartbeatAt: now })
      .where(eq(articles.id, articleId))
      .returning();
    if (previous) {
      await tx.insert(notifications).values({ userId: previous.userId, kind: 'taken_over', articleId, actorId: actor.id });
      await recordAudit(tx, { actorId: actor.id, action: 'article.lock_taken_over', targetType: 'article', targetId: articleId, ip, details: { from: previous.userId } });
    }
    return presenceOf(updated!, actor.id);
  });
}
