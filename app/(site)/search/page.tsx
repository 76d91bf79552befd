import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SearchResultsView } from '@/components/site/search-results';
import { shareMetadata } from '@/lib/reader/share-metadata';

export async function generateMetadata(): Promise<Metadata> {
  const description = 'Search every published story.';
  return { title: 'Search', description, robots: { index: false, follow: true }, ...(await shareMetadata({ title: 'Search', description, path: '/search' })) };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function SearchPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-3xl py-8">
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <Suspense fallback={<p className="py-8 text-muted">Searching…</p>}>
        <SearchResultsView searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
