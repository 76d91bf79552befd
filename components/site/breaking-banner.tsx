import Link from 'next/link';
import { getReaderBanner } from '@/lib/live/breaking-banner';

/** The newsroom's breaking-news line, part of every cached reader page (expired by its tag). */
export async function BreakingBanner() {
  const banner = await getReaderBanner();
  if (!banner) return null;
  const label = <strong className="mr-2 font-sans text-xs font-bold tracking-widest uppercase">Breaking</strong>;
  return (
    <section aria-label="Breaking news" data-testid="breaking-banner" className="bg-accent text-paper">
      <p className="mx-auto max-w-6xl px-4 py-2 font-sans text-sm font-semibold sm:text-base">
        {label}
        {banner.href ? (
          <Link prefetch={false} href={banner.href} className="underline underline-offset-2">
            {banner.text}
          </Link>
        ) : (
          banner.text
        )}
      </p>
    </section>
  );
}
