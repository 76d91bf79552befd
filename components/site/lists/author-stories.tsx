import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findListPage } from '@/lib/reader/lists';
import { getAuthorBySlug } from '@/lib/reader/taxonomy';
import { shareMetadata } from '@/lib/reader/share-metadata';
import { ReaderImageView } from '../reader-image';
import { StoryListPage } from '../story-list-page';
import { pageTitle, pageUrl } from './page-params';

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const author = await getAuthorBySlug(slug);
  if (!author) return { title: 'Author not found' };
  return {
    title: pageTitle(author.name, page),
    description: author.bio || `Stories by ${author.name}.`,
    alternates: { canonical: pageUrl(`/authors/${author.slug}`, page) },
    ...(await shareMetadata({ title: pageTitle(author.name, page), description: author.bio || `Stories by ${author.name}.`, path: pageUrl(`/authors/${author.slug}`, page) })),
  };
}

export async function AuthorStories({ slug, page }: { slug: string; page: number }) {
  const author = await getAuthorBySlug(slug);
  if (!author) notFound();
  const list = await findListPage(`author:${author.id}`, page);
  if (page > 1 && list.items.length === 0) notFound();
  return (
    <StoryListPage
      basePath={`/authors/${author.slug}`}
      list={list}
      emptyText={`${author.name} has no published stories yet.`}
      header={
        <header className="flex items-start gap-5 border-b-4 border-ink pb-6">
          {author.photo && (
            <div className="w-24 shrink-0 overflow-hidden rounded-full sm:w-32">
              <ReaderImageView image={author.photo} sizes="128px" priority className="aspect-square h-auto w-full object-cover" />
            </div>
          )}
          <div>
            <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
            {author.jobTitle && <p className="mt-1 font-sans text-sm font-semibold text-muted">{author.jobTitle}</p>}
            {author.bio && <p className="mt-3 font-serif text-lg">{author.bio}</p>}
          </div>
        </header>
      }
    />
  );
}
