'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { placeOnFrontPageAction } from '@/lib/actions/publishing';

/** Where a published story sits on the front page: lead, a top-story rank, or not chosen. */
export function PlacementForm({ articleId, headline, current }: { articleId: string; headline: string; current: string }) {
  const router = useRouter();
  const [result, action, pending] = useActionState(placeOnFrontPageAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <form action={action} className="flex items-center gap-1">
      <input type="hidden" name="articleId" value={articleId} />
      <label>
        <span className="sr-only">Front page place for {headline}</span>
        <select name="placement" defaultValue={current} className="rounded border border-rule bg-paper px-1 py-1 text-xs">
          <option value="none">Not chosen</option>
          <option value="lead">Lead</option>
          {[1, 2, 3, 4].map((n) => <option key={n} value={`top-${n}`}>Top {n}</option>)}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded border border-rule px-2 py-1 text-xs font-semibold">Place</button>
      {result && !result.ok && <span role="alert" className="text-xs text-accent">{result.message}</span>}
    </form>
  );
}
