import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { liveBlogs } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { expireTags } from '@/lib/cache/expire';
import { cacheTags } from '@/lib/cache/tags';
import { ActionError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/permissions';
import { loadStory } from '@/lib/workflow/story-record';
import { assertOpen, loadBlog } from './load-blog';

type Params<T = object> = { actor: Actor; ip: string; articleId: string } & T;

/** Makes a story a live blog. Its headline, deck, summary and hero stay in the normal workflow. */
export async function startLiveBlog({ actor, ip, articleId }: Params): Promise<void> {
  assertCan(actor, 'live.manage');
  await db.transaction(async (tx) => {
    await loadStory(tx, articleId, true);
    const inserted = await tx.insert(liveBlogs).values({ articleId, startedBy: actor.id }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new ActionError('This story is already a live blog.', 'conflict');
    await recordAudit(tx, { actorId: actor.id, action: 'live.started', targetType: 'article', targetId: articleId, ip });
  });
  await expireTags(cacheTags.liveBlog(articleId), cacheTags.publishedLists);
}

/** Closes the blog: no more updates, a "Coverage has ended" note, readers' pages stop asking. */
export async function endCoverage({ actor, ip, articleId }: Params): Promise<void> {
  assertCan(actor, 'live.manage');
  await db.transaction(async (tx) => {
    const record = await loadBlog(tx, articleId, true);
    assertOpen(record);
    await tx
      .update(liveBlogs)
      .set({ coverageEndedAt: sql`now()`, endedBy: actor.id, version: sql`${liveBlogs.version} + 1` })
      .where(eq(liveBlogs.articleId, articleId));
    await recordAudit(tx, { actorId: actor.id, action: 'live.ended', targetType: 'article', targetId: articleId, ip });
  });
  await expireTags(cacheTags.liveBlog(articleId), cacheTags.publishedLists);
}

/** How often readers' pages ask for updates, and whether reporters on the byline may post. */
export async function changeLiveSettings({
  actor,
  ip,
  articleId,
  pollSeconds,
  reportersMayPost,
}: Params<{ pollSeconds: number; reportersMayPost: boolean }>): Promise<void> {
  assertCan(actor, 'live.manage');
  await db.transaction(async (tx) => {
    const { blog } = await loadBlog(tx, articleId, true);
    await tx.update(liveBlogs).set({ pollSeconds, reportersMayPost }).where(eq(liveBlogs.articleId, articleId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'live.settings_changed',
      targetType: 'article',
      targetId: articleId,
      ip,
      details: { pollSeconds: [blog.pollSeconds, pollSeconds], reportersMayPost: [blog.reportersMayPost, reportersMayPost] },
    });
  });
  await expireTags(cacheTags.liveBlog(articleId));
}
