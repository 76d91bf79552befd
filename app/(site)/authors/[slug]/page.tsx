import type { Metadata } from 'next';
import { AuthorStories, authorMetadata } from '@/components/site/lists/author-stories';
import { findPrerenderSlugs } from '@/lib/reader/taxonomy';

// A first visit to an address not prerendered waits for the whole page, which is then cached
// (classic ISR), rather than streaming into a skeleton.
export const instant = false;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  const params = (await findPrerenderSlugs('authors')).map((slug) => ({ slug }));
  return params.length > 0 ? params : [{ slug: 'none' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).slug, 1);
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorStories slug={(await params).slug} page={1} />;
}
