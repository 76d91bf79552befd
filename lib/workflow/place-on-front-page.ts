import 'server-only';
import { and, eq, gte, isNotNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { expireTags } from '@/lib/cache/expire';
import { cacheTags } from '@/lib/cache/tags';
import { assertCan, type Actor } from '@/lib/permissions';

export const TOP_STORY_SLOTS = 4;

export type Placement = { kind: 'lead' } | { kind: 'top'; rank: number } | { kind: 'none' };

/**
 * Puts a published story in the front page's lead slot or at a rank among the top stories
 * (moving the others down), or takes it off the front page's chosen slots.
 */
export async function placeOnFrontPage(actor: Actor, ip: string, articleId: string, placement: Placement): Promise<void> {
  assertCan(actor, 'article.feature');
  await db.transaction(async (tx) => {
    const [article] = await tx.select({ status: articles.status }).from(articles).where(eq(articles.id, articleId)).for('update');
    if (!article) throw new ActionError('This story does not exist.');
    if (article.status !== 'published' && placement.kind !== 'none') throw new ActionError('Only published stories can go on the front page.');
    // Serialize front-page changes so ranks stay unique.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('front-page'))`);
    await tx.update(articles).set({ isLead: false, topRank: null }).where(eq(articles.id, articleId));
    if (placement.kind === 'lead') {
      await tx.update(articles).set({ isLead: false }).where(and(eq(articles.isLead, true), ne(articles.id, articleId)));
      await tx.update(articles).set({ isLead: true }).where(eq(articles.id, articleId));
    }
    if (placement.kind === 'top') {
      const rank = Math.max(1, Math.min(TOP_STORY_SLOTS, placement.rank));
      await tx.update(articles).set({ topRank: sql`${articles.topRank} + 1` }).where(and(isNotNull(articles.topRank), gte(articles.topRank, rank)));
      await tx.update(articles).set({ topRank: null }).where(sql`${articles.topRank} > ${TOP_STORY_SLOTS}`);
      await tx.update(articles).set({ topRank: rank }).where(eq(articles.id, articleId));
    }
    await recordAudit(tx, { actorId: actor.id, action: 'article.featured', targetType: 'article', targetId: articleId, ip, details: placement });
  });
  await expireTags(cacheTags.publishedLists);
}
