import { site } from '@/lib/config';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-rule">
      <p className="mx-auto max-w-6xl px-4 py-8 font-sans text-sm text-muted">
        {site.name}. Published with Masthead.
      </p>
    </footer>
  );
}
