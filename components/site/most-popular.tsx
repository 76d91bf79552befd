import Link from 'next/link';
import { connection } from 'next/server';
import { findMostPopular, freshStories } from '@/lib/reader/popular';

/**
 * "Most Popular", rendered per request from its own one-minute cache so it never makes
 * a cached page stale. Hidden, rather than wrong, when its data is old or unavailable.
 */
export async function MostPopular() {
  await connection();
  let stories;
  try {
    stories = freshStories(await findMostPopular());
  } catch {
    return null;
  }
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="most-popular-heading" className="border-t-4 border-ink pt-3">
      <h2 id="most-popular-heading" className="font-sans text-sm font-bold uppercase tracking-widest">
        Most Popular
      </h2>
      <ol className="mt-2">
        {stories.map((story, i) => (
          <li key={story.slug} className="flex gap-3 border-b border-rule py-3">
            <span className="font-serif text-2xl leading-none font-bold text-accent" aria-hidden="true">
              {i + 1}
            </span>
            <Link prefetch={false} href={`/articles/${story.slug}`} className="font-serif text-base leading-snug font-semibold hover:underline">
              {story.headline}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
