import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import type { ListKind } from '@/lib/reader/list-bounds';
import { findListPage } from '@/lib/reader/lists';
import { shareMetadata } from '@/lib/reader/share-metadata';
import { getAuthorBySlug, getSectionBySlug, getTagBySlug } from '@/lib/reader/taxonomy';
import { ReaderImageView } from '../reader-image';
import { StoryListPage } from '../story-list-page';

/** What one list page is about: a section, an author or a topic. */
type Subject = { listKey: string; basePath: string; name: string; metadata: Metadata; emptyText: string; header: ReactNode };

const SUBJECTS: Record<ListKind, { notFoundTitle: string; find: (slug: string) => Promise<Subject | null> }> = {
  sections: {
    notFoundTitle: 'Section not found',
    async find(slug) {
      const section = await getSectionBySlug(slug);
      if (!section) return null;
      const basePath = `/sections/${section.slug}`;
      return {
        listKey: `section:${section.id}`,
        basePath,
        name: section.name,
        metadata: { description: section.description, alternates: { types: { 'application/rss+xml': `${basePath}/feed.xml` } } },
        emptyText: 'No stories have been published in this section yet.',
        header: (
          <header className="border-b-4 border-ink pb-4">
            <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
            {section.description && <p className="mt-2 text-lg text-muted">{section.description}</p>}
            <p className="mt-2 font-sans text-sm">
              <a href={`${basePath}/feed.xml`} className="text-link underline">
                RSS feed for {section.name}
              </a>
            </p>
          </header>
        ),
      };
    },
  },
  authors: {
    notFoundTitle: 'Author not found',
    async find(slug) {
      const author = await getAuthorBySlug(slug);
      if (!author) return null;
      return {
        listKey: `author:${author.id}`,
        basePath: `/authors/${author.slug}`,
        name: author.name,
        metadata: { description: author.bio || `Stories by ${author.name}.` },
        emptyText: `${author.name} has no published stories yet.`,
        header: (
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
        ),
      };
    },
  },
  tags: {
    notFoundTitle: 'Topic not found',
    async find(slug) {
      const tag = await getTagBySlug(slug);
      if (!tag) return null;
      return {
        listKey: `tag:${tag.id}`,
        basePath: `/tags/${tag.slug}`,
        name: tag.name,
        metadata: { description: `Stories about ${tag.name}.` },
        emptyText: 'No published stories have this topic yet.',
        header: (
          <header className="border-b-4 border-ink pb-4">
            <p className="font-sans text-sm font-bold tracking-wide text-muted uppercase">Topic</p>
            <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
          </header>
        ),
      };
    },
  },
};

/** The params of `/<kind>/[slug]` and of `/<kind>/[slug]/page/[page]`. */
export type ListRouteProps = { params: Promise<{ slug: string; page?: string }> };

/** Page numbers of list pages: `/sections/x?page=3` is served from the route `/sections/x/page/3`. */
function pageFromParam(value: string | undefined): number | null {
  if (value === undefined) return 1;
  return /^[1-9]\d{0,6}$/.test(value) ? Number(value) : null;
}

export async function listMetadata(kind: ListKind, { params }: ListRouteProps): Promise<Metadata> {
  await connection();
  const { slug, page: param } = await params;
  const page = pageFromParam(param) ?? 1;
  const subject = await SUBJECTS[kind].find(slug);
  if (!subject) return { title: SUBJECTS[kind].notFoundTitle };
  const title = page > 1 ? `${subject.name} (page ${page})` : subject.name;
  const path = page > 1 ? `${subject.basePath}?page=${page}` : subject.basePath;
  const description = (typeof subject.metadata.description === 'string' && subject.metadata.description) || `Stories from ${subject.name}.`;
  return {
    ...subject.metadata,
    title,
    alternates: { ...subject.metadata.alternates, canonical: path },
    ...(await shareMetadata({ title, description, path })),
  };
}

/**
 * One page of a section's, author's or topic's stories. Rendered per request, not prerendered
 * and kept by Next (ISR), which renders a page twice to keep it: a first visit costs about
 * two thirds of the CPU this way (docs/performance.md, "Cold renders per request"). The
 * lists' data stays in 'use cache' entries; whole responses are kept by the app's page cache
 * (lib/http/page-cache-rules.ts, `servedAsIsMs`) until any cache tag expires, and by nginx
 * and a CDN in front (Cache-Control from next.config.ts).
 */
export async function ReaderListPage({ kind, params }: ListRouteProps & { kind: ListKind }) {
  await connection();
  const { slug, page: param } = await params;
  const page = pageFromParam(param);
  if (!page) notFound();
  const subject = await SUBJECTS[kind].find(slug);
  if (!subject) notFound();
  const list = await findListPage(subject.listKey, page);
  if (page > 1 && list.items.length === 0) notFound();
  return <StoryListPage basePath={subject.basePath} list={list} emptyText={subject.emptyText} header={subject.header} />;
}
