import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/site/not-found-message';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/**
 * A reader page that found nothing (an unknown story, section or author), shown inside the
 * site layout, which already has the header and footer. Without this file Next would use
 * the root not-found page here too, header and all, and put it into every reader page's
 * RSC payload as the boundary's fallback: a second and third copy of the header.
 */
export default function SiteNotFound() {
  return (
    <div className="mx-auto max-w-2xl py-16">
      <NotFoundMessage />
    </div>
  );
}
