import { SiteLink } from './site-link';
import { cacheLife } from 'next/cache';
import { formatLongDate, secondsUntilMidnight } from '@/lib/site-time';
import { findSections } from '@/lib/reader/taxonomy';
import { getSiteSettings } from '@/lib/settings/site-settings';

/** Date bar, nameplate and section navigation. Cached until the date changes. */
export async function SiteHeader() {
  'use cache';
  const now = new Date();
  cacheLife({ stale: 300, revalidate: Math.max(300, Math.min(3600, secondsUntilMidnight(now))), expire: 86_400 });
  const [sections, settings] = await Promise.all([findSections(), getSiteSettings()]);
  const logo = settings.logo;
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
            <SiteLink href="/search">Search</SiteLink>
            <SiteLink href="/corrections">Corrections</SiteLink>
          </p>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-4 text-center sm:py-6">
        <SiteLink href="/" className="font-serif text-[2rem] font-bold leading-none tracking-tight sm:text-6xl">
          {logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- the library's own renditions, sized by srcset
            <img
              src={logo.path}
              srcSet={logo.srcSet || undefined}
              sizes="(min-width: 640px) 36rem, 90vw"
              width={logo.width}
              height={logo.height}
              alt={settings.name}
              fetchPriority="high"
              className="mx-auto h-auto max-h-12 w-auto max-w-full sm:max-h-20"
            />
          ) : (
            settings.name
          )}
        </SiteLink>
        {settings.tagline && <p className="mt-2 font-sans text-sm text-muted">{settings.tagline}</p>}
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        <ul className="mx-auto flex max-w-6xl gap-5 overflow-x-auto px-4 py-2.5 font-sans text-sm font-semibold whitespace-nowrap sm:justify-center">
          {sections.map((section) => (
            <li key={section.slug}>
              <SiteLink href={`/sections/${section.slug}`}>
                {section.name}
              </SiteLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
