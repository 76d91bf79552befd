import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findListPage } from '@/lib/reader/lists';
import { getTagBySlug } from '@/lib/reader/taxonomy';
import { shareMetadata } from '@/lib/reader/share-metadata';
import { StoryListPage } from '../story-list-page';
import { pageTitle, pageUrl } from './page-params';

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const tag = await getTagBySlug(slug);
  if (!tag) return { title: 'Topic not found' };
  return {
    title: pageTitle(tag.name, page),
    description: `Stories about ${tag.name}.`,
    alternates: { canonical: pageUrl(`/tags/${tag.slug}`, page) },
    ...(await shareMetadata({ title: pageTitle(tag.name, page), description: `Stories about ${tag.name}.`, path: pageUrl(`/tags/${tag.slug}`, page) })),
  };
}

export async function TagStories({ slug, page }: { slug: string; page: number }) {
  const tag = await getTagBySlug(slug);
  if (!tag) notFound();
  const list = await findListPage(`tag:${tag.id}`, page);
  if (page > 1 && list.items.length === 0) notFound();
  return (
    <StoryListPage
      basePath={`/tags/${tag.slug}`}
      list={list}
      emptyText="No published stories have this topic yet."
      header={
        <header className="border-b-4 border-ink pb-4">
          <p className="font-sans text-sm font-bold tracking-wide text-muted uppercase">Topic</p>
          <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
        </header>
      }
    />
  );
}
