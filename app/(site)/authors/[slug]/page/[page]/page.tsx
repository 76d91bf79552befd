import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorStories, authorMetadata } from '@/components/site/lists/author-stories';
import { pageFromParam } from '@/components/site/lists/page-params';
import { findPrerenderSlugs } from '@/lib/reader/taxonomy';

// A first visit to an address not prerendered waits for the whole page, which is then cached
// (classic ISR), rather than streaming into a skeleton.
export const instant = false;

type Props = { params: Promise<{ slug: string; page: string }> };

// Reached through the proxy's rewrite of `?page=N`, so every page is cached like page 1.
// Both params are listed: with only the page known, Next would render each visit afresh.
export async function generateStaticParams() {
  const params = (await findPrerenderSlugs('authors')).map((slug) => ({ slug, page: '2' }));
  return params.length > 0 ? params : [{ slug: 'none', page: '2' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return authorMetadata(slug, pageFromParam(page) ?? 1);
}

export default async function AuthorPageN({ params }: Props) {
  const { slug, page } = await params;
  const number = pageFromParam(page);
  if (!number) notFound();
  return <AuthorStories slug={slug} page={number} />;
}
