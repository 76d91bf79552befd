'use client';

import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { BodyEditor } from '@/components/editor/body-editor';
import { PicturePicker } from '@/components/editor/picture-picker';
import type { LibraryPicture } from '@/components/editor/types';
import { FormStatus } from '@/components/ui/form-status';
import type { DocNode } from '@/db/schema';
import type { ActionResult } from '@/lib/actions/define-action';
import { editUpdateAction, postUpdateAction } from '@/lib/actions/live';
import type { DeskPerson, DeskUpdateView } from './types';

const EMPTY: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

type Props = {
  articleId: string;
  me: string;
  staff: DeskPerson[];
  pictures: LibraryPicture[];
  canManage: boolean;
  /** The update being edited, or null for a new one. */
  editing: DeskUpdateView | null;
  onDone: (message: string) => void;
};

/** Writes a new update (posted at once, or kept as a draft) or edits one. */
export function UpdateComposer({ articleId, me, staff, pictures, canManage, editing, onDone }: Props) {
  const [headline, setHeadline] = useState(editing?.headline ?? '');
  const [body, setBody] = useState<DocNode>(editing?.body ?? EMPTY);
  const [mediaId, setMediaId] = useState<string | null>(editing?.mediaId ?? null);
  const [authorIds, setAuthorIds] = useState<string[]>(editing?.authorIds ?? [me]);
  const [keyEvent, setKeyEvent] = useState(editing?.keyEvent ?? false);
  const [pinned, setPinned] = useState(editing?.pinned ?? false);
  const [picker, setPicker] = useState<'picture' | 'body' | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const previews = useMemo(() => new Map(pictures.map((p) => [p.id, p.url])), [pictures]);
  const previewUrl = useCallback((id: string) => previews.get(id), [previews]);
  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
  }, []);
  const picture = pictures.find((p) => p.id === mediaId);

  const send = async (intent: 'post' | 'draft' | 'save') => {
    setBusy(true);
    const fields = { headline, body, mediaId, authorIds, keyEvent, pinned };
    const answer = editing
      ? await editUpdateAction(null, { articleId, updateId: editing.id, intent: intent === 'post' ? 'post' : 'save', fields })
      : await postUpdateAction(null, { articleId, intent: intent === 'post' ? 'post' : 'draft', fields });
    setBusy(false);
    setResult(answer);
    if (answer.ok) onDone(answer.message ?? 'Done.');
  };

  const field = 'w-full rounded border border-rule bg-paper px-3 py-2';
  return (
    <div className="grid gap-3">
      <label className="grid gap-1 text-sm font-semibold">
        Update headline (optional)
        <input value={headline} onChange={(e) => setHeadline(e.target.value)} maxLength={200} className={field} />
      </label>
      <BodyEditor
        initial={body}
        editable={!busy}
        previewUrl={previewUrl}
        onChange={(doc) => setBody(doc)}
        onReady={onReady}
        onPickImage={() => setPicker('body')}
        label="Update text"
        compact
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Picture:</span>
        {picture ? <span>{picture.caption || picture.alt || 'Chosen'}</span> : <span className="text-muted">none</span>}
        <button type="button" onClick={() => setPicker('picture')} className="rounded border border-rule px-2 py-1">
          {picture ? 'Change picture' : 'Choose picture'}
        </button>
        {picture && (
          <button type="button" onClick={() => setMediaId(null)} className="rounded border border-rule px-2 py-1">
            Remove picture
          </button>
        )}
      </div>
      <fieldset className="text-sm">
        <legend className="font-semibold">Authors</legend>
        <div className="mt-1 flex max-h-28 flex-wrap gap-x-4 gap-y-1 overflow-auto">
          {staff.map((person) => (
            <label key={person.id} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={authorIds.includes(person.id)}
                onChange={(e) => setAuthorIds(e.target.checked ? [...authorIds, person.id] : authorIds.filter((id) => id !== person.id))}
              />
              {person.displayName}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={keyEvent} onChange={(e) => setKeyEvent(e.target.checked)} /> Key event
        </label>
        {canManage && (
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} /> Pin to the top
          </label>
        )}
      </div>
      <FormStatus result={result?.ok ? null : result} />
      {result && !result.ok && result.fieldErrors && (
        <ul className="list-disc pl-5 text-sm text-accent">
          {Object.entries(result.fieldErrors).map(([name, messages]) => (
            <li key={name}>{messages.join(' ')}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {(!editing || !editing.posted) && (
          <button type="button" disabled={busy} onClick={() => void send('post')} className="rounded bg-accent px-4 py-2 text-sm font-semibold text-paper disabled:opacity-60">
            Post update
          </button>
        )}
        {editing ? (
          <>
            <button type="button" disabled={busy} onClick={() => void send('save')} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper disabled:opacity-60">
              Save changes
            </button>
            <button type="button" disabled={busy} onClick={() => onDone('')} className="rounded border border-rule px-4 py-2 text-sm">
              Cancel
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => void send('draft')} className="rounded border border-rule px-4 py-2 text-sm font-semibold">
            Save as draft
          </button>
        )}
      </div>
      <PicturePicker
        open={picker !== null}
        pictures={pictures}
        title={picker === 'picture' ? 'Choose the update’s picture' : 'Insert a picture'}
        onClose={() => setPicker(null)}
        onPick={(chosen) => {
          if (picker === 'picture') setMediaId(chosen.id);
          else editorRef.current?.chain().focus().insertMediaImage(chosen.id).run();
          setPicker(null);
        }}
      />
    </div>
  );
}
