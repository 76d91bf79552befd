import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { articles } from '@/db/schema';
import { endPreviewLinks } from '@/lib/workflow/end-preview-links';
import { leaveReaderLists } from './reader-list-writes';

/**
 * Withdraws a live story from every reader surface: lists, search (its vector is only
 * indexed while published) and the home page slots; its preview links end too, so no
 * outside reader keeps a view of it. Call inside the transaction that sets its status to
 * 'unpublished' (lib/publishing/apply-transition.ts) and records who did it and why.
 */
export async function takeArticleDown(tx: Executor, articleId: string, reason: string, at = new Date()): Promise<void> {
  await tx
    .update(articles)
    .set({ unpublishedAt: at, unpublishReason: reason, isLead: false, topRank: null })
    .where(eq(articles.id, articleId));
  await leaveReaderLists(tx, articleId);
  await endPreviewLinks(tx, { articleId }, 'unpublished');
}
