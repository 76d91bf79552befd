import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not found' };

/** A story or page the newsroom does not have, shown inside the newsroom's own frame. */
export default function NewsroomNotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="font-serif text-3xl font-bold">This story or page is not in the newsroom</h1>
      <p className="mt-4">It may have been deleted, or the address is mistyped.</p>
      <p className="mt-4">
        <Link href="/newsroom" className="text-link underline">Back to the stories</Link>
      </p>
    </div>
  );
}
