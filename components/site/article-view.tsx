import Link from 'next/link';
import type { DocNode } from '@/db/schema';
import { readingMinutes } from '@/lib/content/document';
import type { ReaderImage } from '@/lib/reader/images';
import type { Byline } from '@/lib/reader/summaries';
import { ArticleBody } from './article-body';
import { Bylines } from './bylines';
import { CorrectionsBox } from './corrections-box';
import { PublishedTime } from './published-time';
import { ReaderFigure } from './reader-image';

export type ArticleViewModel = {
  headline: string;
  deck: string;
  section: { slug: string; name: string };
  bylines: Byline[];
  /** Null for a story not yet published (previews). */
  publishedAt: Date | null;
  updatedAt: Date | null;
  wordCount: number;
  hero: ReaderImage | null;
  body: DocNode;
  bodyImages: Record<string, ReaderImage>;
  tags: { slug: string; name: string }[];
  corrections: { id: number; body: string; createdAt: Date }[];
};

/** The reader's article template: used for published stories and for previews of drafts. */
export function ArticleView({ article, children }: { article: ArticleViewModel; children?: React.ReactNode }) {
  return (
    <>
      <header>
        <p className="font-sans text-sm font-bold tracking-wide text-accent uppercase">
          <Link prefetch={false} href={`/sections/${article.section.slug}`} className="hover:underline">{article.section.name}</Link>
        </p>
        <h1 className="mt-2 font-serif text-4xl leading-tight font-bold text-balance sm:text-5xl">{article.headline}</h1>
        {article.deck && <p className="mt-4 font-serif text-xl text-muted sm:text-2xl">{article.deck}</p>}
        <div className="mt-6 border-y border-rule py-3 font-sans text-sm">
          <address className="not-italic">
            <Bylines bylines={article.bylines} />
          </address>
          <p className="mt-1 text-muted">
            {article.publishedAt ? (
              <>
                Published : <PublishedTime date={article.publishedAt} />
              </>
            ) : (
              'Not published yet'
            )}
            {article.updatedAt && (
              <>
                <span aria-hidden="true"> · </span>
                <br className="sm:hidden" />
                Updated : <PublishedTime date={article.updatedAt} />
              </>
            )}
          </p>
          <p className="mt-1 text-muted">{readingMinutes(article.wordCount)} min read</p>
        </div>
      </header>
      {article.hero && (
        <div className="mt-6">
          <ReaderFigure image={article.hero} sizes="(min-width: 768px) 672px, 100vw" priority />
        </div>
      )}
      <div className="mt-8">
        <ArticleBody doc={article.body} images={article.bodyImages} />
      </div>
      <CorrectionsBox corrections={article.corrections} />
      {article.tags.length > 0 && (
        <nav aria-label="Topics" className="mt-10 font-sans text-sm">
          <ul className="flex flex-wrap gap-2">
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <Link prefetch={false} href={`/tags/${tag.slug}`} className="inline-block rounded-full border border-rule px-3 py-1 hover:border-ink">
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
