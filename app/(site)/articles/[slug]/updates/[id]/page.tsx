import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveStatus } from '@/components/site/live/live-blog-stream';
import { LiveUpdateCard } from '@/components/site/live/live-update-card';
import { getReaderLiveBlog, getReaderUpdate, updateTitle } from '@/lib/live/reader-live';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { shareMetadata } from '@/lib/reader/share-metadata';

export const instant = false;

type Props = { params: Promise<{ slug: string; id: string }> };

// A sample so Next caches each permalink once rendered instead of rendering every visit.
export async function generateStaticParams() {
  return [{ slug: 'none', id: '0' }];
}

async function load(params: Props['params']) {
  const { slug, id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) return null;
  const article = await getPublishedArticleBySlug(slug);
  if (!article) return null;
  const [blog, update] = await Promise.all([getReaderLiveBlog(article.id), getReaderUpdate(article.id, Number(id))]);
  return blog && update ? { article, blog, update } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return { title: 'Update not found', robots: { index: false } };
  const title = `${updateTitle(found.update)} | ${found.article.headline}`;
  const description = found.update.bodyText.slice(0, 200) || found.article.headline;
  const path = `/articles/${found.article.slug}/updates/${found.update.id}`;
  return { title, description, alternates: { canonical: path }, ...(await shareMetadata({ title, description, path })) };
}

/** One update's own address, to share or to cite. */
export default async function LiveUpdatePage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { article, blog, update } = found;
  return (
    <div className="mx-auto max-w-2xl py-8">
      <LiveStatus blog={blog} />
      <p className="mt-2 font-sans text-sm">
        An update from{' '}
        <Link prefetch={false} href={`/articles/${article.slug}`} className="font-semibold underline">
          {article.headline}
        </Link>
      </p>
      <h1 className="sr-only">{updateTitle(update)}</h1>
      <div className="mt-6">
        <LiveUpdateCard update={update} slug={article.slug} />
      </div>
      <p className="mt-6 font-sans">
        <Link prefetch={false} href={`/articles/${article.slug}#update-${update.id}`} className="font-semibold underline">
          All updates
        </Link>
      </p>
    </div>
  );
}
