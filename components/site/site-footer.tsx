import { SiteLink } from './site-link';
import { getSiteSettings } from '@/lib/settings/site-settings';

export async function SiteFooter() {
  const settings = await getSiteSettings();
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-8 font-sans text-sm text-muted">
        <p>
          © {settings.name}. Published with Masthead.
        </p>
        <ul className="flex gap-4">
          <li><SiteLink href="/corrections">Corrections</SiteLink></li>
          <li><a href="/feed.xml" className="hover:underline">RSS feed</a></li>
          <li><SiteLink href="/search">Search</SiteLink></li>
        </ul>
      </div>
    </footer>
  );
}
