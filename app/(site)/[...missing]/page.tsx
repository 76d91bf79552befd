import { notFound } from 'next/navigation';
import { NOT_FOUND_PATH } from '@/lib/reader/not-found-path';

export function generateStaticParams() {
  return [{ missing: [NOT_FOUND_PATH.slice(1)] }];
}

/**
 * Any address no other route matches: the reader's 404 page, inside the site layout (header,
 * breaking-news banner, footer) through app/(site)/not-found.tsx. Served from here rather
 * than from the root not-found page, which Next writes into every page's RSC payload as the
 * root boundary's fallback: with the header and footer in it, that was 3.2 KB per page.
 */
export default function MissingPage(): never {
  notFound();
}
