import Link from 'next/link';
import type { Byline } from '@/lib/reader/articles';

/** "By A, B and C", each name linking to the author's page. */
export function Bylines({ bylines, linked = true }: { bylines: Byline[]; linked?: boolean }) {
  if (bylines.length === 0) return null;
  return (
    <>
      By{' '}
      {bylines.map((byline, i) => (
        <span key={byline.slug}>
          {i > 0 && (i === bylines.length - 1 ? ' and ' : ', ')}
          {linked ? (
            <Link prefetch={false} href={`/authors/${byline.slug}`} rel="author" className="font-semibold hover:underline">
              {byline.name}
            </Link>
          ) : (
            <span className="font-semibold">{byline.name}</span>
          )}
        </span>
      ))}
    </>
  );
}
