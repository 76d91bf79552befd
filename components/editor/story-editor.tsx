'use client';

import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { sharedText } from '@/lib/collab/story-document';
import type { TransitionName } from '@/lib/publishing/transitions';
import { BackupOffer } from './backup-offer';
import { BodyEditor } from './body-editor';
import { Collaborators } from './collaborators';
import { clearBackup, useStoredBackup, type Backup } from './browser-backup';
import { FieldErrors } from './field-errors';
import { PicturePicker } from './picture-picker';
import { SaveBar } from './save-bar';
import { SharedTextarea } from './shared-textarea';
import { StoryDetails } from './story-details';
import type { EditorStory, LibraryPicture } from './types';
import { useSharedStory } from './use-shared-story';
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
  /** The collaboration server's address for browsers (null: `/collab` on this host). */
  collabUrl: string | null;
  sidebar: React.ReactNode;
};

/**
 * The story editor: everyone who opens the story edits it together (see
 * docs/collaboration.md); fields, body, save state and the workflow.
 */
export function StoryEditor({ story, transitions, sections, staff, pictures, timeZone, scheduledForLabel, defaultScheduleValue, collabUrl, sidebar }: Props) {
  const { doc, collab, draft, mode, accessUnconfirmed, synced, state, saved, update, setBody, flush } = useSharedStory({
    articleId: story.id,
    collabUrl,
    initial: story.draft,
    saved: { at: story.lastSaved.at, version: story.version, revisionId: story.revisionId },
  });
  const editable = mode === 'edit' && synced;
  const storedBackup = useStoredBackup(story.id);
  const [declined, setDeclined] = useState(false);
  // Offer back what this browser kept but the server never got (a tab closed while offline).
  const offeredBackup: Backup | null =
    !declined && synced && storedBackup && JSON.stringify(storedBackup.draft) !== JSON.stringify(draft) ? storedBackup : null;
  const [picker, setPicker] = useState<'hero' | 'body' | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const previews = useMemo(() => new Map(pictures.map((p) => [p.id, p.url])), [pictures]);
  const previewUrl = useCallback((id: string) => previews.get(id), [previews]);
  const errors = state.kind === 'invalid' ? state.fieldErrors : undefined;

  const restoreBackup = () => {
    if (!offeredBackup) return;
    const { body, ...fields } = offeredBackup.draft;
    update(fields);
    editorRef.current?.commands.setContent(body);
    clearBackup(story.id);
    setDeclined(true);
  };

  const onReady = useCallback((editor: Editor) => {
    editorRef.current = editor;
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flush]);

  const pick = (picture: LibraryPicture) => {
    if (picker === 'hero') update({ heroMediaId: picture.id });
    else editorRef.current?.chain().focus().insertMediaImage(picture.id).run();
    setPicker(null);
  };

  const hero = pictures.find((p) => p.id === draft.heroMediaId);
  const field = 'w-full rounded border border-rule bg-paper px-3 py-2';

  return (
    <div className="grid gap-4">
      <SaveBar story={story} draft={draft} state={state} timeZone={timeZone} editable={editable} onSave={() => void flush()} />
      {collab && <Collaborators provider={collab.provider} />}
      {mode === 'read' && (
        <p role="status" className="rounded border border-rule bg-rule/30 p-3 text-sm">
          {accessUnconfirmed
            ? 'Read-only for a moment: the server cannot check your access right now. Typing comes back by itself when it can; nothing you typed is lost.'
            : 'You can read this story but not change it now. Reporters edit their stories while they are drafts or returned with notes.'}
        </p>
      )}
      {offeredBackup && (
        <BackupOffer
          backup={offeredBackup}
          timeZone={timeZone}
          onRestore={restoreBackup}
          onDiscard={() => {
            clearBackup(story.id);
            setDeclined(true);
          }}
        />
      )}
      {state.kind === 'invalid' && <FieldErrors message={state.message} fieldErrors={state.fieldErrors} />}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid content-start gap-4">
          <label className="grid gap-1 text-sm font-semibold">
            Headline
            <SharedTextarea
              text={sharedText(doc, 'headline')}
              value={draft.headline}
              onValue={(headline) => update({ headline })}
              rows={2}
              readOnly={!editable}
              aria-invalid={errors?.headline ? true : undefined}
              className={`${field} font-serif text-2xl font-bold [field-sizing:content] sm:text-3xl`}
            />
          </label>
          <label className="grid gap-1 text-sm font-semibold">
            Deck
            <SharedTextarea
              text={sharedText(doc, 'deck')}
              value={draft.deck}
              onValue={(deck) => update({ deck })}
              rows={2}
              readOnly={!editable}
              className={`${field} font-serif text-lg font-normal [field-sizing:content]`}
            />
          </label>
          {collab ? (
            <BodyEditor
              initial={story.draft.body}
              shared={collab}
              editable={editable}
              previewUrl={previewUrl}
              onReady={onReady}
              onPickImage={() => setPicker('body')}
              onChange={setBody}
            />
          ) : (
            <div aria-busy="true" className="article-body min-h-[24rem] rounded border border-rule p-4 text-muted">
              {state.kind === 'refused'
                ? state.message
                : state.kind === 'unreachable'
                  ? `The story opens here for editing once the ${state.server === 'newsroom' ? 'newsroom' : 'editing server'} answers.`
                  : 'Opening the story…'}
            </div>
          )}
        </div>

        <div className="grid content-start gap-4">
          <WorkflowPanel
            articleId={story.id}
            status={story.status}
            transitions={transitions}
            scheduledForLabel={scheduledForLabel}
            scheduledRevisionId={story.scheduledRevisionId}
            workingRevisionId={saved.revisionId}
            defaultScheduleValue={defaultScheduleValue}
            timeZone={timeZone}
            saveFirst={flush}
            closedBecause={collab ? null : 'These steps open with the story: each saves its text first.'}
          />
          <StoryDetails
            draft={draft}
            liveSlug={story.liveSlug}
            editable={editable}
            sections={sections}
            staff={staff}
            hero={hero}
            timeZone={timeZone}
            errors={errors}
            update={update}
            onChooseHero={() => setPicker('hero')}
          />
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

