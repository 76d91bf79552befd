import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findListPage } from '@/lib/reader/lists';
import { getSectionBySlug } from '@/lib/reader/taxonomy';
import { shareMetadata } from '@/lib/reader/share-metadata';
import { StoryListPage } from '../story-list-page';
import { pageTitle, pageUrl } from './page-params';

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const section = await getSectionBySlug(slug);
  if (!section) return { title: 'Section not found' };
  return {
    title: pageTitle(section.name, page),
    description: section.description,
    alternates: {
      canonical: pageUrl(`/sections/${section.slug}`, page),
      types: { 'application/rss+xml': `/sections/${section.slug}/feed.xml` },
    },
    ...(await shareMetadata({ title: pageTitle(section.name, page), description: section.description || `The latest ${section.name} stories.`, path: pageUrl(`/sections/${section.slug}`, page) })),
  };
}

export async function SectionStories({ slug, page }: { slug: string; page: number }) {
  const section = await getSectionBySlug(slug);
  if (!section) notFound();
  const list = await findListPage(`section:${section.id}`, page);
  if (page > 1 && list.items.length === 0) notFound();
  return (
    <StoryListPage
      basePath={`/sections/${section.slug}`}
      list={list}
      emptyText="No stories have been published in this section yet."
      header={
        <header className="border-b-4 border-ink pb-4">
          <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
          {section.description && <p className="mt-2 text-lg text-muted">{section.description}</p>}
          <p className="mt-2 font-sans text-sm">
            <a href={`/sections/${section.slug}/feed.xml`} className="text-link underline">
              RSS feed for {section.name}
            </a>
          </p>
        </header>
      }
    />
  );
}
