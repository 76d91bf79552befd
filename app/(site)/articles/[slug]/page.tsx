import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache, Suspense } from 'react';
import { ArticleView } from '@/components/site/article-view';
import { MostPopular } from '@/components/site/most-popular';
import { ShareLinks } from '@/components/site/share-links';
import { StoryTeaser } from '@/components/site/story-teasers';
import { ViewBeacon } from '@/components/site/view-beacon';
import { LiveBlogStream, LiveStatus } from '@/components/site/live/live-blog-stream';
import { liveBlogJsonLd } from '@/lib/live/live-structured-data';
import { getLivePage, getReaderLiveBlog as readLiveBlog } from '@/lib/live/reader-live';
import { absoluteUrl } from '@/lib/config';
import { isoInSiteZone } from '@/lib/site-time';
import { findRelatedArticles, getPublishedArticleBySlug as readArticleBySlug } from '@/lib/reader/articles';
import { shareMetadata } from '@/lib/reader/share-metadata';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/reader/structured-data';
import { getSiteSettings } from '@/lib/settings/site-settings';

/**
 * Rendered per request, not prerendered and kept by Next (ISR): Next makes a page it will keep
 * by rendering it twice (a pass that fills the caches, then the one it keeps) and writing its
 * segments to disk, which made a story's first visit cost 55-85 ms of CPU at a million
 * stories; rendered per request it costs about half (docs/performance.md, "Cold renders per
 * request"). The story's data stays in 'use cache' entries, and the whole response is kept
 * by the app's page cache (lib/http/page-cache-rules.ts, `servedAsIsMs`) until any cache tag
 * expires, and by nginx and a CDN as before (Cache-Control from next.config.ts).
 * `instant = false`: the whole page is rendered before anything is sent (metadata in <head>).
 */
export const instant = false;

type Props = { params: Promise<{ slug: string }> };

// The metadata and the page both ask for these: read once per render, since each read of a
// 'use cache' entry decodes it again (the story, with its body, is the page's largest).
// Not in lib/: React's cache fails in route handlers (og.png, feed.xml), which read them too.
const getPublishedArticleBySlug = cache(readArticleBySlug);
const getReaderLiveBlog = cache(readLiveBlog);

// Show "Updated" only when a story changed meaningfully later than it was published.
const UPDATED_AFTER_MS = 10 * 60_000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) return { title: 'Story not found', robots: { index: false } };
  const title = article.seoTitle || article.headline;
  const description = article.seoDescription || article.deck;
  return {
    title,
    description,
    alternates: {
      canonical: `/articles/${article.slug}`,
      ...((await getReaderLiveBlog(article.id)) && { types: { 'application/rss+xml': `/articles/${article.slug}/feed.xml` } }),
    },
    authors: article.bylines.map((byline) => ({ name: byline.name, url: `/authors/${byline.slug}` })),
    ...(await shareMetadata({
      title,
      description,
      path: `/articles/${article.slug}`,
      image: { url: `/articles/${article.slug}/og.png`, width: 1200, height: 630, alt: article.headline },
      article: {
        publishedTime: isoInSiteZone(article.publishedAt),
        modifiedTime: isoInSiteZone(article.modifiedAt),
        section: article.section.name,
        tags: article.tags.map((tag) => tag.name),
        authors: article.bylines.map((byline) => absoluteUrl(`/authors/${byline.slug}`)),
      },
    })),
  };
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) notFound();
  const [related, live] = await Promise.all([findRelatedArticles({ id: article.id, sectionId: article.sectionId }), getReaderLiveBlog(article.id)]);
  const livePage = live ? await getLivePage(article.id, null) : null;
  const settings = await getSiteSettings();
  const jsonLd = live && livePage ? liveBlogJsonLd(article, live, livePage.updates, settings) : newsArticleJsonLd(article, settings);
  const updated =
    article.updatedAt && article.updatedAt.getTime() - article.publishedAt.getTime() > UPDATED_AFTER_MS
      ? article.updatedAt
      : null;

  return (
    <div className="grid gap-10 py-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article className="mx-auto w-full max-w-2xl">
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
        {live && <LiveStatus blog={live} />}
        <ArticleView article={{ ...article, updatedAt: updated }}>
          {live && livePage && <LiveBlogStream articleId={article.id} slug={article.slug} blog={live} page={livePage} />}
          <div className="mt-8 border-t border-rule pt-4">
            <ShareLinks url={absoluteUrl(`/articles/${article.slug}`)} title={article.headline} />
          </div>
          <ViewBeacon articleId={article.id} />
        </ArticleView>
      </article>
      <aside className="grid content-start gap-10">
        <Suspense fallback={null}>
          <MostPopular />
        </Suspense>
        {related.length > 0 && (
          <section aria-labelledby="related-heading" className="border-t-4 border-ink pt-3">
            <h2 id="related-heading" className="font-sans text-sm font-bold tracking-widest uppercase">
              More in {article.section.name}
            </h2>
            <div className="mt-4 grid gap-6">
              {related.map((story) => (
                <StoryTeaser key={story.id} story={story} showImage={false} />
              ))}
            </div>
          </section>
        )}
      </aside>
    </div>
  );
}
