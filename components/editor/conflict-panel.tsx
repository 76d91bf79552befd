'use client';

import { diffWords } from 'diff';
import { useState } from 'react';
import { loadWorkingCopyAction } from '@/lib/actions/stories';
import type { StoryDraft } from './types';

type Props = {
  articleId: string;
  message: string;
  mine: StoryDraft;
  bodyText: (draft: StoryDraft) => string;
  onKeepMine: () => void;
  onTakeTheirs: (draft: StoryDraft, version: number, revisionId: number) => void;
};

/** After a refused save: both versions side by side (a word-level comparison), and a choice. */
export function ConflictPanel({ articleId, message, mine, bodyText, onKeepMine, onTakeTheirs }: Props) {
  const [theirs, setTheirs] = useState<{ draft: StoryDraft; version: number; revisionId: number } | null>(null);
  const [loading, setLoading] = useState(false);

  const compare = async () => {
    setLoading(true);
    const result = await loadWorkingCopyAction(null, { articleId });
    setLoading(false);
    if (result.ok && result.data) setTheirs(result.data);
  };
  const parts = theirs
    ? diffWords(`${theirs.draft.headline}\n${theirs.draft.deck}\n${bodyText(theirs.draft)}`, `${mine.headline}\n${mine.deck}\n${bodyText(mine)}`)
    : [];

  return (
    <section role="alert" aria-labelledby="conflict-heading" className="grid gap-3 rounded border-2 border-accent p-4 text-sm">
      <h2 id="conflict-heading" className="text-base font-bold">Your changes were not saved over the newer version</h2>
      <p>{message}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={compare} disabled={loading} className="rounded border border-ink px-3 py-1 font-semibold">
          {loading ? 'Loading…' : 'Compare versions'}
        </button>
        <button type="button" onClick={onKeepMine} className="rounded bg-ink px-3 py-1 font-semibold text-paper">Keep mine</button>
        {theirs && (
          <button type="button" onClick={() => onTakeTheirs(theirs.draft, theirs.version, theirs.revisionId)} className="rounded border border-ink px-3 py-1 font-semibold">
            Use theirs
          </button>
        )}
      </div>
      {theirs && (
        <div>
          <p className="text-muted">
            Words only in the newer saved version are <del className="bg-red-100 dark:bg-red-900">struck through</del>; words only in yours are{' '}
            <ins className="bg-green-100 no-underline dark:bg-green-900">highlighted</ins>. Either way, both versions stay in the story’s history.
          </p>
          <div className="mt-2 max-h-80 overflow-auto rounded border border-rule p-3 font-serif whitespace-pre-wrap" data-testid="conflict-diff">
            {parts.map((part, i) =>
              part.added ? (
                <ins key={i} className="bg-green-100 no-underline dark:bg-green-900">{part.value}</ins>
              ) : part.removed ? (
                <del key={i} className="bg-red-100 dark:bg-red-900">{part.value}</del>
              ) : (
                <span key={i}>{part.value}</span>
              ),
            )}
          </div>
        </div>
      )}
    </section>
  );
}
