import { Suspense } from 'react';
import { MostPopular } from '@/components/site/most-popular';
import { SiteLink, StoryLink } from '@/components/site/site-link';
import { LeadStory, StoryTeaser } from '@/components/site/story-teasers';
import type { Metadata } from 'next';
import { getFrontPage } from '@/lib/reader/front-page';
import { shareMetadata } from '@/lib/reader/share-metadata';
import { getSiteSettings } from '@/lib/settings/site-settings';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return { alternates: { canonical: '/' }, ...(await shareMetadata({ title: settings.name, description: settings.description, path: '/' })) };
}

export default async function HomePage() {
  const [front, settings] = await Promise.all([getFrontPage(), getSiteSettings()]);
  if (!front.lead) {
    return <p className="py-16 text-center text-lg text-muted">No stories have been published yet.</p>;
  }
  return (
    <>
      <h1 className="sr-only">{settings.name}: top stories</h1>
      {/* Both columns keep to their content (content-start): stretched to the rail's height,
          the lead's row grew and left an empty band under it. Most Popular sits in the main
          column, so the rail (Latest) is the shorter of the two rather than the longer. */}
      <div className="grid items-start gap-10 py-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid content-start gap-8">
          <LeadStory story={front.lead} />
          {front.topStories.length > 0 && (
            <section aria-labelledby="top-stories-heading" className="border-t border-rule pt-6">
              <h2 id="top-stories-heading" className="sr-only">Top stories</h2>
              <div className="grid gap-8 sm:grid-cols-2">
                {front.topStories.map((story, i) => (
                  <StoryTeaser key={i} story={story} eager={i < 2} />
                ))}
              </div>
            </section>
          )}
          <Suspense fallback={null}>
            <MostPopular wide />
          </Suspense>
        </div>
        <aside className="grid content-start gap-8">
          <section aria-labelledby="latest-heading" className="border-t-4 border-ink pt-3">
            <h2 id="latest-heading" className="font-sans text-sm font-bold tracking-widest uppercase">Latest</h2>
            <ul>
              {front.latest.map((story, i) => (
                <li key={i} className="border-b border-rule py-3">
                  <StoryLink slug={story.slug} className="headline-link">
                    {story.headline}
                  </StoryLink>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
      {/* Story keys on this page are list positions, not ids: the lists are never reordered in the
          browser, and each key is written into the RSC payload (44 UUIDs, 1.7 KB). */}
      {front.sections.map((section) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="border-t-4 border-ink py-6">
          <h2 id={`section-${section.slug}`} className="font-sans text-lg font-bold">
            <SiteLink href={`/sections/${section.slug}`}>
              {section.name} <span aria-hidden="true">›</span>
            </SiteLink>
          </h2>
          <div className="mt-4 grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {/* The heading names the section; the first story carries the picture and byline. */}
            {section.stories.map((story, i) => (
              <StoryTeaser key={i} story={story} showSection={false} showImage={i === 0} showMeta={i === 0} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
