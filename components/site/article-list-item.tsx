import Link from 'next/link';
import type { ArticleSummary } from '@/lib/reader/articles';
import { Bylines } from './bylines';
import { PublishedTime } from './published-time';

export function ArticleListItem({ article }: { article: ArticleSummary }) {
  return (
    <article className="border-b border-rule py-5">
      <p className="font-sans text-xs font-semibold uppercase tracking-wide text-accent">{article.section.name}</p>
      <h2 className="mt-1 font-serif text-2xl font-semibold leading-tight">
        <Link href={`/articles/${article.slug}`} className="hover:underline">
          {article.headline}
        </Link>
      </h2>
      {article.deck && <p className="mt-2 font-serif text-lg text-muted">{article.deck}</p>}
      <p className="mt-2 font-sans text-sm text-muted">
        <Bylines bylines={article.bylines} linked={false} /> · <PublishedTime date={article.publishedAt} />
      </p>
    </article>
  );
}
