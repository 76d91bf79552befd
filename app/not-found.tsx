import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/site/not-found-message';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/** Addresses no route matches. Reader pages that find nothing use app/(site)/not-found.tsx. */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="wrap-anywhere mx-auto max-w-2xl px-4 py-16">
        <NotFoundMessage />
      </main>
      <SiteFooter />
    </>
  );
}
