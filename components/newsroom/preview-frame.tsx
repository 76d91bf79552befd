import { ArticleView, type ArticleViewModel } from '@/components/site/article-view';
import { SiteFooter } from '@/components/site/site-footer';
import { getSiteSettings } from '@/lib/settings/site-settings';

/** A draft shown in the reader's template, under a bar that says it is a preview. */
export async function PreviewFrame({ article, note }: { article: ArticleViewModel; note: React.ReactNode }) {
  const settings = await getSiteSettings();
  return (
    <div className="bg-paper">
      <div role="status" className="bg-yellow-300 px-4 py-2 text-center font-sans text-sm font-semibold text-black">
        {note}
      </div>
      <header className="border-b border-rule py-5 text-center">
        <p className="font-serif text-3xl font-bold sm:text-5xl">{settings.name}</p>
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        <article>
          <ArticleView article={article} />
        </article>
      </main>
      <SiteFooter />
    </div>
  );
}
