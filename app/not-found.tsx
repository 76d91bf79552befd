import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/**
 * The root boundary's fallback, which Next writes into every page's RSC payload, so it is
 * kept small. Readers never see it: addresses no route matches are the reader 404 page of
 * app/(site)/[...missing]; only a newsroom or preview page that finds nothing lands here.
 */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="font-serif text-4xl font-bold">We could not find that page</h1>
      <p className="mt-4 text-lg">
        <Link prefetch={false} href="/" className="text-link underline">Go to the front page</Link>
      </p>
    </main>
  );
}
