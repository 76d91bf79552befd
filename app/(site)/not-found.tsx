import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/site/not-found-message';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/**
 * The reader's 404 page: an address no route matches (app/(site)/[...missing]), or a story
 * or list that does not exist (the proxy shows /page-not-found), inside the site layout,
 * which already has the header and footer. 40rem: the text's measure as it was when this
 * page had a layout of its own (max-w-2xl less its padding).
 */
export default function SiteNotFound() {
  return (
    <div className="mx-auto max-w-[40rem] py-16">
      <NotFoundMessage />
    </div>
  );
}
