'use client';

import Link from 'next/link';

type Props = {
  href: string;
  className?: string;
  children: React.ReactNode;
};

/**
 * A link within the reader site, never prefetched, underlined on hover unless told
 * otherwise. A client component only for the page's RSC payload: as a `Link` from a server
 * component, each of a front page's ninety links wrote `prefetch` and its class there.
 */
export function SiteLink({ href, className = 'hover:underline', children }: Props) {
  return (
    <Link prefetch={false} href={href} className={className}>
      {children}
    </Link>
  );
}

type StoryLinkProps = {
  slug: string;
  className?: string;
  /** A second link to the same story (its picture): out of the tab order and hidden from screen readers. */
  decorative?: boolean;
  children: React.ReactNode;
};

/** A link to a story, by slug: the `/articles/` prefix is not repeated in the payload either. */
export function StoryLink({ slug, className = 'hover:underline', decorative = false, children }: StoryLinkProps) {
  return (
    <Link
      prefetch={false}
      href={`/articles/${slug}`}
      tabIndex={decorative ? -1 : undefined}
      aria-hidden={decorative ? 'true' : undefined}
      className={className}
    >
      {children}
    </Link>
  );
}
