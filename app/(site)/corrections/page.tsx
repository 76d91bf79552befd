import type { Metadata } from 'next';
import Link from 'next/link';
import { PublishedTime } from '@/components/site/published-time';
import { findCorrections } from '@/lib/reader/corrections';
import { shareMetadata } from '@/lib/reader/share-metadata';

const description = 'Every correction we have made to a published story, newest first.';

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: 'Corrections',
    description,
    alternates: { canonical: '/corrections' },
    ...(await shareMetadata({ title: 'Corrections', description, path: '/corrections' })),
  };
}

export default async function CorrectionsPage() {
  const corrections = await findCorrections();
  return (
    <div className="mx-auto max-w-3xl py-8">
      <header className="border-b-4 border-ink pb-4">
        <h1 className="font-serif text-4xl font-bold">Corrections</h1>
        <p className="mt-2 text-lg text-muted">
          When we get something wrong, we correct it on the story and list the correction here.
        </p>
      </header>
      {corrections.length === 0 ? (
        <p className="py-10 text-lg text-muted">No corrections have been published.</p>
      ) : (
        <ol className="mt-4">
          {corrections.map((correction) => (
            <li key={correction.id} className="border-b border-rule py-5">
              <h2 className="font-serif text-xl font-semibold">
                <Link prefetch={false} href={`/articles/${correction.slug}`} className="hover:underline">{correction.headline}</Link>
              </h2>
              <p className="mt-2 font-serif text-lg">{correction.body}</p>
              <p className="mt-2 font-sans text-sm text-muted">
                <PublishedTime date={correction.createdAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
