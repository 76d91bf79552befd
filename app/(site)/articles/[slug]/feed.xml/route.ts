import { articleKeys } from '@/lib/cache/cdn-keys';
import { buildLiveFeed } from '@/lib/live/live-feed';
import { getReaderLiveBlog } from '@/lib/live/reader-live';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { rssResponse } from '@/lib/reader/responses';

/** RSS of a live blog's updates. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article || !(await getReaderLiveBlog(article.id))) return new Response('No live blog here.', { status: 404 });
  const feed = await buildLiveFeed({ id: article.id, slug: article.slug, headline: article.headline, deck: article.deck });
  return rssResponse(feed, articleKeys(article));
}
