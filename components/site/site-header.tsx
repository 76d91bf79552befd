import Link from 'next/link';
import { cacheLife } from 'next/cache';
import { site } from '@/lib/config';
import { formatLongDate, secondsUntilMidnight } from '@/lib/site-time';
import { findSections } from '@/lib/reader/taxonomy';

/** Date bar, nameplate and section navigation. Cached until the date changes. */
export async function SiteHeader() {
  'use cache';
  const now = new Date();
  cacheLife({ stale: 300, revalidate: Math.max(300, Math.min(3600, secondsUntilMidnight(now))), expire: 86_400 });
  const sections = await findSections();
  return (
    <header className="border-b border-rule">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-paper focus:p-2"
      >
        Skip to content
      </a>
      <div className="border-b border-rule">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-1.5 font-sans text-xs text-muted">
          <p>{formatLongDate(now)}</p>
          <p className="flex gap-4">
            <Link prefetch={false} href="/search" className="hover:underline">Search</Link>
            <Link prefetch={false} href="/corrections" className="hover:underline">Corrections</Link>
          </p>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-4 text-center sm:py-6">
        <Link prefetch={false} href="/" className="font-serif text-[2rem] font-bold leading-none tracking-tight sm:text-6xl">
          {site.name}
        </Link>
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl gap-5 overflow-x-auto px-4 py-2.5 font-sans text-sm font-semibold whitespace-nowrap sm:justify-center">
          {sections.map((section) => (
            <li key={section.slug}>
              <Link prefetch={false} href={`/sections/${section.slug}`} className="hover:underline">
                {section.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
