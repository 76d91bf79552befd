import { findMostPopular } from '@/lib/reader/popular';
import { StoryLink } from './site-link';

/**
 * "Most Popular". Its data is cached for a minute, so the page around it is refreshed about
 * once a minute while people read it (served from cache in between, never per request),
 * and is re-rendered at once when a page has gone five minutes without a refresh.
 * When the counts cannot be read, the list is left out rather than shown wrong.
 * `wide`: in a main column rather than a rail, in two columns from tablet width.
 */
export async function MostPopular({ wide = false }: { wide?: boolean }) {
  let stories;
  try {
    stories = (await findMostPopular()).stories;
  } catch {
    return null;
  }
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="most-popular-heading" className="border-t-4 border-ink pt-3">
      <h2 id="most-popular-heading" className="font-sans text-sm font-bold uppercase tracking-widest">
        Most Popular
      </h2>
      <ol className={wide ? 'mt-2 sm:grid sm:grid-cols-2 sm:gap-x-8' : 'mt-2'}>
        {stories.map((story, i) => (
          <li key={i} className="flex gap-3 border-b border-rule py-3">
            <span className="rank" aria-hidden="true">
              {i + 1}
            </span>
            <StoryLink slug={story.slug} className="headline-link">
              {story.headline}
            </StoryLink>
          </li>
        ))}
      </ol>
    </section>
  );
}
