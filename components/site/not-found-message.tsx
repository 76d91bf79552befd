import Link from 'next/link';
import { SearchForm } from './search-form';

/** What a reader sees at an address with nothing behind it, with a way on. */
export function NotFoundMessage() {
  return (
    <>
      <h1 className="font-serif text-4xl font-bold">We could not find that page</h1>
      <p className="mt-4 text-lg text-muted">
        The address may be mistyped, or the story may never have existed. Try a search, or go to the{' '}
        <Link prefetch={false} href="/" className="text-link underline">front page</Link>.
      </p>
      <div className="mt-8">
        <SearchForm />
      </div>
    </>
  );
}
