import Link from 'next/link';
import { site } from '@/lib/config';
import { formatLongDate } from '@/lib/dates';
import { cacheLife } from 'next/cache';

/** Date bar and nameplate. Cached per hour: the date changes only at midnight. */
export async function SiteHeader() {
  'use cache';
  cacheLife('hours');
  return (
    <header className="border-b border-rule">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-paper focus:p-2">
        Skip to content
      </a>
      <div className="border-b border-rule">
        <p className="mx-auto max-w-6xl px-4 py-1.5 font-sans text-xs text-muted">{formatLongDate(new Date())}</p>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-5 text-center">
        <Link href="/" className="font-serif text-3xl font-bold tracking-tight sm:text-5xl">
          {site.name}
        </Link>
      </div>
    </header>
  );
}
