import type { ReactNode } from 'react';
import type { ArticleSummary } from '@/lib/reader/summaries';
import { Bylines } from './bylines';
import { PublishedTime } from './published-time';
import { ReaderImageView } from './reader-image';
import { StoryLink } from './site-link';

function Kicker({ story }: { story: ArticleSummary }) {
  return (
    <p className="kicker">{story.section.name}</p>
  );
}

function Meta({ story }: { story: ArticleSummary }) {
  return (
    <p className="teaser-meta">
      <Bylines bylines={story.bylines} linked={false} />
      {story.bylines.length > 0 && ' · '}
      <PublishedTime date={story.publishedAt} />
    </p>
  );
}

/** The lead story: the biggest picture and headline on the page. */
export function LeadStory({ story }: { story: ArticleSummary }) {
  return (
    <article className="grid gap-4 md:grid-cols-5 md:gap-6">
      {story.hero && (
        <StoryLink slug={story.slug} decorative className="md:order-2 md:col-span-3">
          <ReaderImageView image={story.hero} sizes="(min-width: 1024px) 480px, (min-width: 768px) 60vw, 100vw" priority className="h-auto w-full" />
        </StoryLink>
      )}
      <div className={story.hero ? 'md:col-span-2' : 'md:col-span-5'}>
        <Kicker story={story} />
        <h2 className="mt-1 font-serif text-3xl leading-tight font-bold sm:text-4xl">
          <StoryLink slug={story.slug}>{story.headline}</StoryLink>
        </h2>
        {story.deck && <p className="mt-3 font-serif text-lg text-muted sm:text-xl">{story.deck}</p>}
        <Meta story={story} />
      </div>
    </article>
  );
}

type TeaserProps = {
  story: ArticleSummary;
  showImage?: boolean;
  eager?: boolean;
  /** The section's name above the headline; off under a heading that already names it. */
  showSection?: boolean;
  /** Byline and time; off for the smaller stories of a home-page section block. */
  showMeta?: boolean;
};

/** A story with a small picture, for grids of top stories and sections. */
export function StoryTeaser({ story, showImage = true, eager = false, showSection = true, showMeta = true }: TeaserProps) {
  return (
    <article>
      {showImage && story.hero && (
        <StoryLink slug={story.slug} decorative className="mb-3 block">
          <ReaderImageView image={story.hero} sizes="(min-width: 1024px) 340px, (min-width: 640px) 50vw, 100vw" eager={eager} className="h-auto w-full" />
        </StoryLink>
      )}
      {showSection && <Kicker story={story} />}
      <h3 className={showSection ? 'mt-1 teaser-headline' : 'teaser-headline'}>
        <StoryLink slug={story.slug}>{story.headline}</StoryLink>
      </h3>
      {story.deck && <p className="teaser-deck">{story.deck}</p>}
      {showMeta && <Meta story={story} />}
    </article>
  );
}

/** One line of a list page: headline, deck, byline and time, picture on the side. */
export function StoryListItem({
  story,
  headingLevel = 2,
  children,
}: {
  story: ArticleSummary;
  headingLevel?: 2 | 3;
  /** Extra lines under the byline, such as a search snippet. */
  children?: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="flex gap-4 border-b border-rule py-5">
      <div className="min-w-0 flex-1">
        <Kicker story={story} />
        <Heading className="mt-1 teaser-headline sm:text-2xl">
          <StoryLink slug={story.slug}>{story.headline}</StoryLink>
        </Heading>
        {story.deck && <p className="mt-2 font-serif text-base text-muted sm:text-lg">{story.deck}</p>}
        <Meta story={story} />
        {children}
      </div>
      {story.hero && (
        <StoryLink slug={story.slug} decorative className="w-28 shrink-0 sm:w-48">
          <ReaderImageView image={story.hero} sizes="(min-width: 640px) 192px, 112px" className="h-auto w-full" />
        </StoryLink>
      )}
    </article>
  );
}
