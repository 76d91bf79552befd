'use client';

import type { ActionResult } from '@/lib/actions/define-action';
import { deleteUpdateAction, keyEventAction, pinUpdateAction } from '@/lib/actions/live';
import type { DeskPerson, DeskUpdateView } from './types';

type Props = {
  articleId: string;
  updates: DeskUpdateView[];
  staff: DeskPerson[];
  canManage: boolean;
  onEdit: (update: DeskUpdateView) => void;
  onResult: (result: ActionResult<unknown>) => void;
};

/** Drafts, then posted updates newest first, each with one-click changes. */
export function DeskUpdateList({ articleId, updates, staff, canManage, onEdit, onResult }: Props) {
  const name = (id: string) => staff.find((p) => p.id === id)?.displayName ?? 'Former staff';
  const run = async (call: () => Promise<ActionResult<unknown>>) => onResult(await call());
  if (updates.length === 0) return <p className="text-sm text-muted">No updates yet.</p>;
  const button = 'rounded border border-rule px-2 py-1 text-xs font-semibold hover:border-ink';
  return (
    <ol className="grid gap-3">
      {updates.map((update) => {
        const title = update.headline || update.bodyText.slice(0, 120) || 'Picture';
        const ref = { articleId, updateId: update.id };
        return (
          <li key={update.id} aria-label={title} className={`rounded border p-3 text-sm ${update.posted ? 'border-rule' : 'border-dashed border-muted'}`}>
            <p className="flex flex-wrap gap-x-3 text-xs text-muted">
              <span className="font-semibold text-ink">{update.posted ? update.when : 'Draft (staff only)'}</span>
              {update.edited && <span>Updated {update.edited}</span>}
              {update.pinned && <span className="font-bold text-accent uppercase">Pinned</span>}
              {update.keyEvent && <span className="font-bold uppercase">Key event</span>}
              <span>{update.authorIds.map(name).join(', ')}</span>
            </p>
            {update.headline && <p className="mt-1 font-bold">{update.headline}</p>}
            <p className="mt-1 line-clamp-3 whitespace-pre-line">{update.bodyText}</p>
            {update.canChange && (
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" className={button} onClick={() => onEdit(update)}>
                  Edit
                </button>
                {canManage && update.posted && (
                  <button type="button" className={button} onClick={() => void run(() => pinUpdateAction(null, { ...ref, on: !update.pinned }))}>
                    {update.pinned ? 'Unpin' : 'Pin'}
                  </button>
                )}
                <button type="button" className={button} onClick={() => void run(() => keyEventAction(null, { ...ref, on: !update.keyEvent }))}>
                  {update.keyEvent ? 'Not a key event' : 'Mark key event'}
                </button>
                <button
                  type="button"
                  className={`${button} text-accent`}
                  onClick={() => {
                    if (window.confirm(update.posted ? 'Delete this update? Readers will no longer see it anywhere.' : 'Delete this draft?')) {
                      void run(() => deleteUpdateAction(null, ref));
                    }
                  }}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
