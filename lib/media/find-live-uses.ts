import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { articleRevisions, articles } from '@/db/schema';

export type LiveUse = { mediaId: string; articleId: string; slug: string; headline: string };

/**
 * Where readers see (or are about to see) each picture: the live revision of a published
 * story, or the revision a scheduled story will publish. Both columns searched are indexed
 * (`body_media_ids` is derived from the body by the database), so this is a lookup, not a
 * scan of every story.
 */
export async function findLiveUses(tx: Executor, mediaIds: string[]): Promise<LiveUse[]> {
  if (mediaIds.length === 0) return [];
  const ids = sql.join(mediaIds.map((id) => sql`${id}`), sql`, `);
  const rows = await tx
    .select({
      articleId: articles.id,
      slug: articles.slug,
      headline: articleRevisions.headline,
      heroMediaId: articleRevisions.heroMediaId,
      bodyMediaIds: articleRevisions.bodyMediaIds,
    })
    .from(articleRevisions)
    .innerJoin(articles, eq(articles.id, articleRevisions.articleId))
    .where(
      and(
        or(inArray(articleRevisions.heroMediaId, mediaIds), sql`${articleRevisions.bodyMediaIds} ?| array[${ids}]::text[]`),
        or(
          and(eq(articles.status, 'published'), eq(articles.publishedRevisionId, articleRevisions.id)),
          and(eq(articles.status, 'scheduled'), sql`${articleRevisions.id} = coalesce(${articles.scheduledRevisionId}, ${articles.currentRevisionId})`),
        ),
      ),
    );
  return rows.flatMap((row) =>
    mediaIds
      .filter((id) => row.heroMediaId === id || (row.bodyMediaIds ?? []).includes(id))
      .map((mediaId) => ({ mediaId, articleId: row.articleId, slug: row.slug, headline: row.headline })),
  );
}

/** "a published or scheduled story (“A”)", or "published or scheduled stories (“A”, “B” and 3 more)". */
export function describeLiveUses(headlines: string[]): string {
  const unique = [...new Set(headlines)];
  const named = unique.slice(0, 3).map((h) => `“${h}”`).join(', ');
  const more = unique.length > 3 ? ` and ${unique.length - 3} more` : '';
  return unique.length === 1 ? `a published or scheduled story (${named})` : `published or scheduled stories (${named}${more})`;
}
