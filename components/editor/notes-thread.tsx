'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { addNoteAction } from '@/lib/actions/stories';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';

export type NoteItem = { id: number; body: string; kind: string; by: string | null; when: string };

/** The staff-only thread on a story; an editor's returned-with-notes note stands out. */
export function NotesThread({ articleId, notes }: { articleId: string; notes: NoteItem[] }) {
  const router = useRouter();
  const [result, action] = useActionState(addNoteAction, null);
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
  return (
    <section aria-labelledby="notes-heading" className="grid gap-3 rounded border border-rule p-3 text-sm">
      <h2 id="notes-heading" className="font-bold">Notes (staff only)</h2>
      {notes.length === 0 && <p className="text-muted">No notes yet.</p>}
      <ol className="grid gap-2">
        {notes.map((note) => (
          <li key={note.id} className={note.kind === 'changes_requested' ? 'rounded border-l-4 border-accent bg-red-50 p-2 dark:bg-red-950' : 'border-l-4 border-rule pl-2'}>
            <p className="text-xs text-muted">
              {note.by ?? 'System'} · {note.when}
              {note.kind === 'changes_requested' && ' · changes requested'}
              {note.kind === 'unpublished' && ' · unpublished'}
            </p>
            <p className="whitespace-pre-wrap">{note.body}</p>
          </li>
        ))}
      </ol>
      <form action={action} className="grid gap-2">
        <input type="hidden" name="articleId" value={articleId} />
        <label className="grid gap-1">
          Add a note
          <textarea name="body" rows={2} required maxLength={5000} className="rounded border border-rule bg-paper px-2 py-1" />
        </label>
        <FormStatus result={result} />
        <div>
          <SubmitButton pendingText="Adding…">Add note</SubmitButton>
        </div>
      </form>
    </section>
  );
}
