import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { previewLinks, type PreviewLinkEnd } from '@/db/schema';

/**
 * Ends every open preview link to a story (it was withdrawn) or made by a person (they
 * left), inside the transaction that made that change. Ended links never reopen.
 */
export async function endPreviewLinks(tx: Executor, of: { articleId: string } | { createdBy: string }, because: Exclude<PreviewLinkEnd, 'revoked'>): Promise<void> {
  const whose = 'articleId' in of ? eq(previewLinks.articleId, of.articleId) : eq(previewLinks.createdBy, of.createdBy);
  await tx.update(previewLinks).set({ endedAt: new Date(), endedBecause: because }).where(and(whose, isNull(previewLinks.endedAt)));
}
