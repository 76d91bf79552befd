import { ArticleListItem } from '@/components/site/article-list-item';
import { findLatestArticles } from '@/lib/reader/articles';

export default async function HomePage() {
  const latest = await findLatestArticles(30);
  return (
    <section aria-labelledby="latest-heading" className="mx-auto max-w-3xl py-6">
      <h1 id="latest-heading" className="font-sans text-sm font-bold uppercase tracking-widest text-muted">
        Latest news
      </h1>
      {latest.length === 0 ? (
        <p className="py-10 text-muted">No stories have been published yet.</p>
      ) : (
        latest.map((article) => <ArticleListItem key={article.id} article={article} />)
      )}
    </section>
  );
}
