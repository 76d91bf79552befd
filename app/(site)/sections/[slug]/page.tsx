import type { Metadata } from 'next';
import { SectionStories, sectionMetadata } from '@/components/site/lists/section-stories';
import { findSections } from '@/lib/reader/taxonomy';

// A first visit to an address not prerendered waits for the whole page, which is then cached
// (classic ISR), rather than streaming into a skeleton.
export const instant = false;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  const params = (await findSections()).map((section) => ({ slug: section.slug }));
  return params.length > 0 ? params : [{ slug: 'none' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata((await params).slug, 1);
}

export default async function SectionPage({ params }: Props) {
  return <SectionStories slug={(await params).slug} page={1} />;
}
