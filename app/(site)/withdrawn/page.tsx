import type { Metadata } from 'next';
import { SearchForm } from '@/components/site/search-form';

export const metadata: Metadata = { title: 'Story withdrawn', robots: { index: false } };

/** Shown with status 410 for a story that was published and then withdrawn. */
export default function WithdrawnPage() {
  return (
    <div className="mx-auto max-w-2xl py-16">
      <h1 className="font-serif text-4xl font-bold">This story has been withdrawn</h1>
      <p className="mt-4 text-lg text-muted">
        The editors have taken this story down, and it is no longer available. You can search for other stories
        below.
      </p>
      <div className="mt-8">
        <SearchForm />
      </div>
    </div>
  );
}
