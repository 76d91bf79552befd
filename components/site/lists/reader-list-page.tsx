import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import type { ListKind } from '@/lib/reader/list-bounds';
import { findListPage } from '@/lib/reader/lists';
import { findPrerenderSlugs, findSections, getAuthorBySlug, getSectionBySlug, getTagBySlug } from '@/lib/reader/taxonomy';
import { ReaderImageView } from '../reader-image';
import { StoryListPage } from '../story-list-page';

/** What one list page is about: a section, an author or a topic. */
type Subject = { listKey: string; basePath: string; name: string; metadata: Metadata; emptyText: string; header: ReactNode };

const SUBJECTS: Record<ListKind, { notFoundTitle: string; find: (slug: string) => Promise<Subject | null>; prerender: () => Promise<string[]> }> = {
  sections: {
    notFoundTitle: 'Section not found',
    prerender: async () => (await findSections()).map((section) => section.slug),
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
    prerender: () => findPrerenderSlugs('authors'),
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
    prerender: () => findPrerenderSlugs('tags'),
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

/**
 * Which addresses to prerender. Page routes (reached through the proxy's rewrite of
 * `?page=N`) list both params: with only the page known, Next would render each visit afresh.
 */
export async function listStaticParams(kind: ListKind, { paged }: { paged: boolean }) {
  const slugs = await SUBJECTS[kind].prerender();
  const params = slugs.map((slug) => (paged ? { slug, page: '2' } : { slug }));
  return params.length > 0 ? params : [paged ? { slug: 'none', page: '2' } : { slug: 'none' }];
}

export async function listMetadata(kind: ListKind, { params }: ListRouteProps): Promise<Metadata> {
  const { slug, page: param } = await params;
  const page = pageFromParam(param) ?? 1;
  const subject = await SUBJECTS[kind].find(slug);
  if (!subject) return { title: SUBJECTS[kind].notFoundTitle };
  return {
    ...subject.metadata,
    title: page > 1 ? `${subject.name} (page ${page})` : subject.name,
    alternates: { ...subject.metadata.alternates, canonical: page > 1 ? `${subject.basePath}?page=${page}` : subject.basePath },
  };
}

/** One page of a section's, author's or topic's stories. */
export async function ReaderListPage({ kind, params }: ListRouteProps & { kind: ListKind }) {
  const { slug, page: param } = await params;
  const page = pageFromParam(param);
  if (!page) notFound();
  const subject = await SUBJECTS[kind].find(slug);
  if (!subject) notFound();
  const list = await findListPage(subject.listKey, page);
  if (page > 1 && list.items.length === 0) notFound();
  return <StoryListPage basePath={subject.basePath} list={list} emptyText={subject.emptyText} header={subject.header} />;
}
