'use client';

import { useActionState } from 'react';
import { deleteMediaAction, updateMediaTextAction } from '@/lib/actions/media';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { LibraryItem } from '@/lib/media/manage-media';

/** A library item as the page shows it, with its upload time in words. */
type Item = Omit<LibraryItem, 'createdAt'> & { uploaded: string };

type Props = { item: Item; canDelete: boolean };

/**
 * One picture with its alt text, caption and credit, editable in place, except by
 * reporters once readers see it (lib/media/manage-media.ts refuses them too).
 */
export function MediaCard({ item, canDelete }: Props) {
  const { result: saved, action: save, sent } = useActionForm(updateMediaTextAction);
  const [deleted, remove] = useActionState(deleteMediaAction, null);
  const field = 'w-full rounded border border-rule bg-paper px-2 py-1 text-sm';
  return (
    <li className="grid content-start gap-2 rounded border border-rule p-2" aria-label={item.caption || item.alt || item.filename}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail, already sized */}
      <img src={item.url} alt={item.alt} width={item.width} height={item.height} className="aspect-video h-auto w-full rounded object-cover" loading="lazy" />
      <p className="text-xs text-muted">
        {item.filename} · {item.width}×{item.height} · {item.uploader ?? 'Demo'} · {item.uploaded}
      </p>
      {!item.alt && <p className="text-xs font-semibold text-accent">Needs alt text before it can appear in a published story.</p>}
      {item.closedToViewer ? (
        <>
          <p className="rounded border border-rule bg-rule/30 p-2 text-xs">
            This picture is {item.shownWhere}, so only editors can change its caption, credit and alt text. Ask an editor.
          </p>
          <dl className="grid gap-1 text-xs">
            <dt className="font-semibold">Alt text</dt>
            <dd>{item.alt}</dd>
            <dt className="font-semibold">Caption</dt>
            <dd>{item.caption || '—'}</dd>
            <dt className="font-semibold">Credit</dt>
            <dd>{item.credit || '—'}</dd>
          </dl>
        </>
      ) : (
        <form action={save} className="grid gap-1">
          <input type="hidden" name="mediaId" value={item.id} />
          <label className="text-xs font-semibold">
            Alt text
            <input name="altText" defaultValue={sent?.altText ?? item.alt} maxLength={300} className={field} />
          </label>
          <label className="text-xs font-semibold">
            Caption
            <textarea name="caption" defaultValue={sent?.caption ?? item.caption} rows={2} maxLength={600} className={field} />
          </label>
          <label className="text-xs font-semibold">
            Credit
            <input name="credit" defaultValue={sent?.credit ?? item.credit} maxLength={200} className={field} />
          </label>
          <FormStatus result={saved} />
          <div className="flex items-center justify-between gap-2">
            <SubmitButton pendingText="Saving…">Save</SubmitButton>
          </div>
          {item.shownWhere && <p className="text-xs text-muted">This picture is {item.shownWhere}: a change shows to readers at once and is recorded in the audit log.</p>}
        </form>
      )}
      {canDelete && (
        <form action={remove}>
          <input type="hidden" name="mediaId" value={item.id} />
          <button type="submit" className="text-xs text-accent underline">Delete picture</button>
          <FormStatus result={deleted} />
        </form>
      )}
    </li>
  );
}
