'use client';

import { useActionState } from 'react';
import { restoreRevisionAction } from '@/lib/actions/stories';

export function RestoreButton({ articleId, revisionId }: { articleId: string; revisionId: number }) {
  const [result, action, pending] = useActionState(restoreRevisionAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" disabled={pending} className="rounded border border-rule px-2 py-1 font-semibold hover:border-ink" aria-label={`Restore revision ${revisionId}`}>
        Restore
      </button>
      {result && !result.ok && <span role="alert" className="ml-2 text-accent">{result.message}</span>}
    </form>
  );
}
