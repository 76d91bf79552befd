import 'server-only';
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { articleRevisions, articles, liveUpdates } from '@/db/schema';

/** `inLiveUpdate`: the picture is in a posted update of the story's live blog (issue 13). */
export type LiveUse = { mediaId: string; articleId: string; slug: string; headline: string; inLiveUpdate: boolean };

/** The pictures anywhere in a live update's text, as the reader's renderer finds them. */
export const liveUpdateBodyMediaIds = sql<string[]>`jsonb_path_query_array(${liveUpdates.body}, 'lax $.** ? (@.type == "image").attrs.mediaId')`;

/**
 * Where readers see (or are about to see) each picture: the live revision of a published
 * story, or the revision a scheduled story will publish, and the posted updates of such a
 * story's live blog. Both revision columns searched are indexed (`body_media_ids` is derived
 * from the body by the database), so that is a lookup, not a scan of every story; the
 * updates' pictures are not indexed (a scan of the posted updates).
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
  const inStories = rows.flatMap((row) =>
    mediaIds
      .filter((id) => row.heroMediaId === id || (row.bodyMediaIds ?? []).includes(id))
      .map((mediaId) => ({ mediaId, articleId: row.articleId, slug: row.slug, headline: row.headline, inLiveUpdate: false })),
  );
  return [...inStories, ...(await findLiveUpdateUses(tx, mediaIds))];
}

/** Pictures in posted, undeleted live updates of published or scheduled stories. */
async function findLiveUpdateUses(tx: Executor, mediaIds: string[]): Promise<LiveUse[]> {
  const ids = sql.join(mediaIds.map((id) => sql`${id}`), sql`, `);
  const rows = await tx
    .select({ articleId: articles.id, slug: articles.slug, headline: articleRevisions.headline, mediaId: liveUpdates.mediaId, bodyMediaIds: liveUpdateBodyMediaIds })
    .from(liveUpdates)
    .innerJoin(articles, eq(articles.id, liveUpdates.articleId))
    .innerJoin(articleRevisions, eq(articleRevisions.id, sql`coalesce(${articles.publishedRevisionId}, ${articles.scheduledRevisionId}, ${articles.currentRevisionId})`))
    .where(
      and(
        isNotNull(liveUpdates.seq),
        isNull(liveUpdates.deletedAt),
        inArray(articles.status, ['published', 'scheduled']),
        or(inArray(liveUpdates.mediaId, mediaIds), sql`${liveUpdateBodyMediaIds} ?| array[${ids}]::text[]`),
      ),
    );
  // One use per picture and story, however many of its updates show the picture.
  const uses = new Map<string, LiveUse>();
  for (const row of rows) {
    for (const mediaId of mediaIds.filter((id) => row.mediaId === id || row.bodyMediaIds.includes(id))) {
      uses.set(`${row.articleId}:${mediaId}`, { mediaId, articleId: row.articleId, slug: row.slug, headline: row.headline, inLiveUpdate: true });
    }
  }
  return [...uses.values()];
}

/** "a published or scheduled story (“A”)", or "published or scheduled stories (“A”, “B” and 3 more)". */
export function describeLiveUses(headlines: string[]): string {
  const unique = [...new Set(headlines)];
  const named = unique.slice(0, 3).map((h) => `“${h}”`).join(', ');
  const more = unique.length > 3 ? ` and ${unique.length - 3} more` : '';
  return unique.length === 1 ? `a published or scheduled story (${named})` : `published or scheduled stories (${named}${more})`;
}
