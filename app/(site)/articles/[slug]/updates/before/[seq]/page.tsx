import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveBlogStream, LiveStatus } from '@/components/site/live/live-blog-stream';
import { getLivePage, getReaderLiveBlog } from '@/lib/live/reader-live';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';

export const instant = false;

type Props = { params: Promise<{ slug: string; seq: string }> };

// A sample so Next caches each page once rendered instead of rendering every visit.
export async function generateStaticParams() {
  return [{ slug: 'none', seq: '1' }];
}

async function load(params: Props['params']) {
  const { slug, seq } = await params;
  if (!/^[1-9]\d{0,9}$/.test(seq)) return null;
  const article = await getPublishedArticleBySlug(slug);
  const blog = article ? await getReaderLiveBlog(article.id) : null;
  if (!article || !blog) return null;
  const page = await getLivePage(article.id, Number(seq));
  return page.updates.length > 0 ? { article, blog, page } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { title: 'Page not found', robots: { index: false } };
  return { title: `Older updates | ${found.article.headline}`, robots: { index: false, follow: true } };
}

/** Older updates of a live blog, cut by posting number so each page stays put and cached. */
export default async function OlderUpdatesPage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { article, blog, page } = found;
  return (
    <div className="mx-auto max-w-2xl py-8">
      <LiveStatus blog={blog} />
      <h1 className="mt-2 font-serif text-3xl leading-tight font-bold">
        Older updates: <Link prefetch={false} href={`/articles/${article.slug}`} className="hover:underline">{article.headline}</Link>
      </h1>
      <LiveBlogStream articleId={article.id} slug={article.slug} blog={blog} page={page} older />
      <p className="mt-6 font-sans">
        <Link prefetch={false} href={`/articles/${article.slug}`} className="font-semibold underline">
          Back to the latest updates
        </Link>
      </p>
    </div>
  );
}
