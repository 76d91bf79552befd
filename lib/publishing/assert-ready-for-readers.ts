import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { media, type Article, type ArticleRevision } from '@/db/schema';
import { assertSlugFree } from '@/lib/articles/slug-ownership';
import { imagesIn } from '@/lib/content/sanitize-document';
import { formatPublishedTime } from '@/lib/site-time';
import { ActionError } from '@/lib/errors';

/** Everything a story needs before readers may see `revision` of it. */
export async function assertReadyForReaders(
  tx: Executor,
  { article, revision: working }: { article: Article; revision: ArticleRevision },
  goingLiveAt: Date,
): Promise<void> {
  if (!working.headline.trim()) throw new ActionError('Give the story a headline before it goes out.');
  if (working.bylineIds.length === 0) throw new ActionError('Add a byline before the story goes out.');
  if (article.embargoUntil && article.embargoUntil > goingLiveAt) {
    throw new ActionError(`This story is under embargo until ${formatPublishedTime(article.embargoUntil)}. It cannot go out before then.`);
  }
  const pictures = [...new Set([...(working.heroMediaId ? [working.heroMediaId] : []), ...imagesIn(working.body)])];
  if (pictures.length > 0) {
    // Shared locks: a caption or alt-text change waits for this to commit (and then sees the
    // story as live), or this waits for it (and sees the new text).
    const rows = await tx.select({ id: media.id, altText: media.altText }).from(media).where(inArray(media.id, pictures)).for('share');
    if (rows.length !== pictures.length) throw new ActionError('A picture in this story is no longer in the media library.');
    if (rows.some((row) => !row.altText.trim())) {
      throw new ActionError('Every picture needs alt text before the story goes out. Add it in the media library.');
    }
  }
  await assertSlugFree(tx, working.slug, article.id);
}
