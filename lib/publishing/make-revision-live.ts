import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  articleBylines,
  articleRevisions,
  articles,
  articleTags,
  slugRedirects,
} from '@/db/schema';
import { readerListKeys, syncReaderLists } from './reader-list-writes';
import { assertSlugFree, lockSlugs } from '@/lib/articles/slug-ownership';

export type MakeRevisionLiveParams = {
  articleId: string;
  revisionId: number;
  /**
   * Orders the reader lists: now for a first publication or a republication after a
   * withdrawal, the existing time for an update. The first publication time is kept apart.
   */
  publishedAt: Date;
  /** The reader-visible "Updated" time, or null to leave the story without one. */
  updatedAt: Date | null;
};

/**
 * Puts one revision on the reader site: the live slug, section, search text, bylines and
 * tags all come from it. Call inside the transaction that sets the article's status to
 * 'published' (lib/publishing/apply-transition.ts).
 */
export async function makeRevisionLive(tx: Executor, params: MakeRevisionLiveParams): Promise<void> {
  const { articleId, revisionId, publishedAt, updatedAt } = params;
  const [revision] = await tx
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)));
  if (!revision) throw new Error(`Revision ${revisionId} does not belong to article ${articleId}.`);

  const [previous] = await tx
    .select({ slug: articles.slug, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .where(eq(articles.id, articleId));
  // Checked here, inside the publishing transaction, whatever was checked when it was saved:
  // another story (or one scheduled to use it, or another story's old address) may have
  // claimed the address since.
  await lockSlugs(tx, [revision.slug, ...(previous ? [previous.slug] : [])]);
  await assertSlugFree(tx, revision.slug, articleId);
  if (previous?.firstPublishedAt && previous.slug !== revision.slug) {
    // Readers and search engines may hold the old address: keep answering it.
    await tx
      .insert(slugRedirects)
      .values({ oldSlug: previous.slug, articleId })
      .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { articleId } });
  }
  // The live slug is no longer this story's old address. (Another story's redirect is never
  // touched: assertSlugFree refused that address above.)
  await tx.delete(slugRedirects).where(and(eq(slugRedirects.oldSlug, revision.slug), eq(slugRedirects.articleId, articleId)));

  await tx
    .update(articles)
    .set({
      slug: revision.slug,
      sectionId: revision.sectionId,
      publishedRevisionId: revision.id,
      firstPublishedAt: sql`coalesce(${articles.firstPublishedAt}, ${publishedAt.toISOString()}::timestamptz)`,
      publishedAt,
      updatedAt,
      scheduledFor: null,
      scheduledRevisionId: null,
      unpublishedAt: null,
      unpublishReason: null,
      searchVector: sql`
        setweight(to_tsvector('english', ${revision.headline}), 'A') ||
        setweight(to_tsvector('english', ${revision.deck}), 'B') ||
        setweight(to_tsvector('english', ${revision.bodyText}), 'C')`,
    })
    .where(eq(articles.id, articleId));

  await tx.delete(articleBylines).where(eq(articleBylines.articleId, articleId));
  if (revision.bylineIds.length > 0) {
    await tx.insert(articleBylines).values(
      revision.bylineIds.map((userId, position) => ({ articleId, userId, position })),
    );
  }
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (revision.tagIds.length > 0) {
    await tx
      .insert(articleTags)
      .values(revision.tagIds.map((tagId) => ({ articleId, tagId })));
  }
  await syncReaderLists(tx, articleId, publishedAt, readerListKeys(revision));
}
