'use client';

import type { Editor } from '@tiptap/core';
import Link from 'next/link';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DocNode } from '@/db/schema';
import type { TransitionName } from '@/lib/publishing/transitions';
import { BodyEditor } from './body-editor';
import { BylinePicker } from './byline-picker';
import { ConflictPanel } from './conflict-panel';
import { PicturePicker } from './picture-picker';
import { PresenceBanner } from './presence-banner';
import { shortTime } from './time';
import type { EditorStory, LibraryPicture, SaveState, StoryDraft } from './types';
import { clearBackup, useStoredBackup, useStoryDraft, type Backup } from './use-story-draft';
import { WorkflowPanel } from './workflow-panel';

type Props = {
  story: EditorStory;
  transitions: TransitionName[];
  sections: { id: number; name: string }[];
  staff: { id: string; displayName: string }[];
  pictures: LibraryPicture[];
  timeZone: string;
  scheduledForLabel: string | null;
  defaultScheduleValue: string;
  sidebar: React.ReactNode;
};

const FIELD_NAMES: Record<string, string> = {
  headline: 'Headline',
  deck: 'Deck',
  slug: 'Address',
  sectionId: 'Section',
  tags: 'Tags',
  bylineIds: 'Bylines',
  heroMediaId: 'Main picture',
  seoTitle: 'Search title',
  seoDescription: 'Search description',
  embargoUntil: 'Embargo',
  body: 'Story text',
};

function textOf(doc: DocNode): string {
  const parts: string[] = [];
  const walk = (node: DocNode) => {
    if (node.text) parts.push(node.text);
    node.content?.forEach(walk);
    if (['paragraph', 'heading', 'listItem'].includes(node.type)) parts.push('\n');
  };
  walk(doc);
  return parts.join('').replace(/\n+/g, '\n').trim();
}

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

function saveLabel(state: SaveState, timeZone: string): string {
  switch (state.kind) {
    case 'saved':
      return `Saved ${shortTime(state.at, timeZone)}`;
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return 'Not saved — retrying';
    case 'refused':
      return 'Not saved — see below';
    case 'invalid':
      return 'Not saved — check the fields';
  }
}

/** The story editor: fields, body, autosave, presence, conflicts and the workflow. */
export function StoryEditor({ story, transitions, sections, staff, pictures, timeZone, scheduledForLabel, defaultScheduleValue, sidebar }: Props) {
  const [holding, setHolding] = useState(story.canEdit);
  const editable = story.canEdit && holding;
  const { draft, revisionId, seen, state, refusal, update, replace, save, keepMine, dismissRefusal } = useStoryDraft({
    id: story.id,
    version: story.version,
    revisionId: story.revisionId,
    initial: story.draft,
    savedAt: story.lastSaved.at,
    enabled: editable,
  });
  const storedBackup = useStoredBackup(story.id);
  const [declined, setDeclined] = useState(false);
  // Offer back what this browser kept but the server never got (a closed tab, a crash).
  const offeredBackup: Backup | null =
    !declined && storedBackup && JSON.stringify(storedBackup.draft) !== JSON.stringify(story.draft) ? storedBackup : null;
  const [picker, setPicker] = useState<'hero' | 'body' | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const [bodyText, setBodyText] = useState(() => textOf(story.draft.body));
  const previews = useMemo(() => new Map(pictures.map((p) => [p.id, p.url])), [pictures]);
  const previewUrl = useCallback((id: string) => previews.get(id), [previews]);
  const errors = state.kind === 'invalid' ? state.fieldErrors : undefined;

  const restoreBackup = () => {
    if (!offeredBackup) return;
    replace(offeredBackup.draft);
    editorRef.current?.commands.setContent(offeredBackup.draft.body);
    update({});
    setDeclined(true);
  };

  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
  }, []);

  const pick = (picture: LibraryPicture) => {
    if (picker === 'hero') update({ heroMediaId: picture.id });
    else editorRef.current?.chain().focus().insertMediaImage(picture.id).run();
    setPicker(null);
  };

  const hero = pictures.find((p) => p.id === draft.heroMediaId);
  const words = wordsIn(`${draft.headline} ${draft.deck} ${bodyText}`);
  const field = 'w-full rounded border border-rule bg-paper px-3 py-2';

  return (
    <div className="grid gap-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-rule bg-paper py-2">
        <p className="text-sm" aria-live="polite" data-testid="save-state">
          {saveLabel(state, timeZone)}
        </p>
        <div className="flex items-center gap-3 text-sm">
          <span className="text-muted">
            {words} words · {Math.max(1, Math.round(words / 230))} min read
          </span>
          <Link href={`/newsroom/articles/${story.id}/preview`} className="underline">Preview</Link>
          <Link href={`/newsroom/articles/${story.id}/history`} className="underline">History</Link>
          {story.liveSlug && story.status === 'published' && (
            <a href={`/articles/${story.liveSlug}`} className="underline">View live</a>
          )}
          <button type="button" onClick={() => void save('save')} disabled={!editable} className="rounded bg-ink px-3 py-1.5 font-semibold text-paper disabled:opacity-50">
            Save
          </button>
        </div>
      </div>

      <PresenceBanner articleId={story.id} canEdit={story.canEdit} timeZone={timeZone} onHoldChange={setHolding} />
      {!story.canEdit && (
        <p role="status" className="rounded border border-rule bg-rule/30 p-3 text-sm">
          You can read this story but not change it now. Reporters edit their stories while they are drafts or returned with notes.
        </p>
      )}
      {offeredBackup && (
        <div role="alert" className="rounded border border-yellow-600 bg-yellow-50 p-3 text-sm text-yellow-950 dark:bg-yellow-950 dark:text-yellow-100">
          This browser kept changes from {shortTime(offeredBackup.at, timeZone)} that were not saved.{' '}
          <button type="button" onClick={restoreBackup} className="font-semibold underline">Restore them</button>{' '}
          <button
            type="button"
            onClick={() => {
              clearBackup(story.id);
              setDeclined(true);
            }}
            className="underline"
          >
            Discard them
          </button>
        </div>
      )}
      {state.kind === 'refused' && refusal && (
        <ConflictPanel
          articleId={story.id}
          message={state.message}
          mine={draft}
          bodyText={(d) => textOf(d.body)}
          onKeepMine={() => {
            setHolding(true);
            void keepMine();
          }}
          onTakeTheirs={(theirs, version, theirRevisionId) => {
            replace(theirs, version, theirRevisionId);
            editorRef.current?.commands.setContent(theirs.body);
            dismissRefusal(version);
          }}
        />
      )}
      {state.kind === 'invalid' && (
        <div role="alert" className="text-sm text-accent">
          <p>{state.message}</p>
          {state.fieldErrors && (
            <ul className="list-disc pl-5">
              {Object.entries(state.fieldErrors).map(([field, messages]) => (
                <li key={field}>
                  {FIELD_NAMES[field] ?? field}: {messages.join(' ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid content-start gap-4">
          <label className="grid gap-1 text-sm font-semibold">
            Headline
            <textarea
              value={draft.headline}
              onChange={(e) => update({ headline: e.target.value })}
              rows={2}
              readOnly={!editable}
              aria-invalid={errors?.headline ? true : undefined}
              className={`${field} font-serif text-2xl font-bold [field-sizing:content] sm:text-3xl`}
            />
          </label>
          <label className="grid gap-1 text-sm font-semibold">
            Deck
            <textarea value={draft.deck} onChange={(e) => update({ deck: e.target.value })} rows={2} readOnly={!editable} className={`${field} font-serif text-lg font-normal [field-sizing:content]`} />
          </label>
          <BodyEditor
            initial={story.draft.body}
            editable={editable}
            previewUrl={previewUrl}
            onReady={onReady}
            onPickImage={() => setPicker('body')}
            onChange={(body, text) => {
              setBodyText(text);
              update({ body });
            }}
          />
        </div>

        <div className="grid content-start gap-4">
          <WorkflowPanel
            articleId={story.id}
            status={story.status}
            transitions={transitions}
            scheduledForLabel={scheduledForLabel}
            scheduledRevisionId={story.scheduledRevisionId}
            workingRevisionId={revisionId}
            defaultScheduleValue={defaultScheduleValue}
            timeZone={timeZone}
            saveFirst={async () => (!editable || state.kind === 'saved' || (await save('save')) ? seen() : null)}
          />
          <fieldset disabled={!editable} className="grid gap-3 rounded border border-rule p-3 text-sm">
            <legend className="px-1 font-bold">Details</legend>
            <label className="grid gap-1 font-semibold">
              Section
              <select value={draft.sectionId} onChange={(e) => update({ sectionId: Number(e.target.value) })} className={field}>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            </label>
            <BylinePicker staff={staff} value={draft.bylineIds} onChange={(bylineIds) => update({ bylineIds })} disabled={!editable} />
            {errors?.bylineIds && <p className="text-accent">{errors.bylineIds.join(' ')}</p>}
            <label className="grid gap-1 font-semibold">
              Tags <span className="font-normal text-muted">(separated by commas; new ones are created)</span>
              <input
                key={draft.tags.join(",")}
                defaultValue={draft.tags.join(", ")}
                onBlur={(e) => update({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })}
                className={field}
              />
            </label>
            <div className="grid gap-1">
              <span className="font-semibold">Main picture</span>
              {hero ? (
                // eslint-disable-next-line @next/next/no-img-element -- a library thumbnail
                <img src={hero.url} alt={hero.alt} className="aspect-video w-full rounded object-cover" />
              ) : (
                <p className="text-muted">None</p>
              )}
              <div className="flex gap-2">
                <button type="button" onClick={() => setPicker('hero')} className="rounded border border-rule px-2 py-1">Choose picture</button>
                {hero && <button type="button" onClick={() => update({ heroMediaId: null })} className="rounded border border-rule px-2 py-1">Remove</button>}
              </div>
            </div>
            <label className="grid gap-1 font-semibold">
              Address (slug)
              <input value={draft.slug} onChange={(e) => update({ slug: e.target.value.toLowerCase() })} aria-invalid={errors?.slug ? true : undefined} className={field} />
              {story.liveSlug && draft.slug !== story.liveSlug && (
                <span className="font-normal text-muted">When published, /articles/{story.liveSlug} will redirect here.</span>
              )}
            </label>
            <label className="grid gap-1 font-semibold">
              Embargo until ({timeZone})
              <input
                type="datetime-local"
                value={draft.embargoUntil ? isoToLocal(draft.embargoUntil, timeZone) : ''}
                onChange={(e) => update({ embargoUntil: e.target.value ? localToIso(e.target.value, timeZone) : null })}
                className={field}
              />
            </label>
            <label className="grid gap-1 font-semibold">
              Search title <span className="font-normal text-muted">({draft.seoTitle.length}/70 shown)</span>
              <input value={draft.seoTitle} onChange={(e) => update({ seoTitle: e.target.value })} className={field} />
            </label>
            <label className="grid gap-1 font-semibold">
              Search description <span className="font-normal text-muted">({draft.seoDescription.length}/160 shown)</span>
              <textarea value={draft.seoDescription} onChange={(e) => update({ seoDescription: e.target.value })} rows={2} className={field} />
            </label>
          </fieldset>
          {sidebar}
        </div>
      </div>
      <PicturePicker
        open={picker !== null}
        pictures={pictures}
        title={picker === 'hero' ? 'Choose the main picture' : 'Insert a picture'}
        onPick={pick}
        onClose={() => setPicker(null)}
      />
    </div>
  );
}

/** "2026-11-28T15:57" in `timeZone` for an ISO instant. */
function isoToLocal(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a wall-clock time in `timeZone` names, as ISO. */
function localToIso(local: string, timeZone: string): string {
  const guess = new Date(`${local}:00Z`);
  const shown = isoToLocal(guess.toISOString(), timeZone);
  const offset = new Date(`${shown}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - offset).toISOString();
}

export type { StoryDraft };
