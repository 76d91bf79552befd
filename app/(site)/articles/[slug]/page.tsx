import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/site/article-body';
import { Bylines } from '@/components/site/bylines';
import { PublishedTime } from '@/components/site/published-time';
import { findLatestArticles, getPublishedArticleBySlug } from '@/lib/reader/articles';

type Props = { params: Promise<{ slug: string }> };

/** Prerender the newest stories at build time; the rest render on first visit and are kept. */
export async function generateStaticParams() {
  const latest = await findLatestArticles(20);
  return latest.length > 0 ? latest.map((article) => ({ slug: article.slug })) : [{ slug: 'no-stories-yet' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) return { title: 'Story not found' };
  return { title: article.headline, description: article.deck, alternates: { canonical: `/articles/${article.slug}` } };
}

export default async function ArticlePage({ params }: Props) {
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) notFound();
  return (
    <article className="mx-auto max-w-2xl py-8">
      <header>
        <p className="font-sans text-sm font-semibold uppercase tracking-wide text-accent">
          <Link href={`/sections/${article.section.slug}`}>{article.section.name}</Link>
        </p>
        <h1 className="mt-2 font-serif text-4xl font-bold leading-tight sm:text-5xl">{article.headline}</h1>
        {article.deck && <p className="mt-4 font-serif text-xl text-muted">{article.deck}</p>}
        <address className="mt-6 font-sans text-sm not-italic">
          <Bylines bylines={article.bylines} />
        </address>
        <p className="mt-1 font-sans text-sm text-muted">
          Published : <PublishedTime date={article.publishedAt} />
          {article.updatedAt && (
            <>
              {' '}· Updated : <PublishedTime date={article.updatedAt} />
            </>
          )}
        </p>
      </header>
      <div className="mt-8">
        <ArticleBody doc={article.body} />
      </div>
    </article>
  );
}
