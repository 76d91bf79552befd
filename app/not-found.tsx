import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/site/search-form';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="wrap-anywhere mx-auto max-w-2xl px-4 py-16">
        <h1 className="font-serif text-4xl font-bold">We could not find that page</h1>
        <p className="mt-4 text-lg text-muted">
          The address may be mistyped, or the story may never have existed. Try a search, or go to the{' '}
          <Link prefetch={false} href="/" className="text-link underline">front page</Link>.
        </p>
        <div className="mt-8">
          <SearchForm />
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
