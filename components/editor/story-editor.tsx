'use client';

import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { documentText } from '@/lib/content/document';
import type { TransitionName } from '@/lib/publishing/transitions';
import { BackupOffer } from './backup-offer';
import { BodyEditor } from './body-editor';
import { ConflictPanel } from './conflict-panel';
import { FieldErrors } from './field-errors';
import { PicturePicker } from './picture-picker';
import { PresenceBanner } from './presence-banner';
import { SaveBar } from './save-bar';
import { StoryDetails } from './story-details';
import type { EditorStory, LibraryPicture, StoryDraft } from './types';
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
  const field = 'w-full rounded border border-rule bg-paper px-3 py-2';

  return (
    <div className="grid gap-4">
      <SaveBar story={story} draft={draft} state={state} timeZone={timeZone} editable={editable} onSave={() => void save('save')} />
      <PresenceBanner articleId={story.id} canEdit={story.canEdit} timeZone={timeZone} onHoldChange={setHolding} />
      {!story.canEdit && (
        <p role="status" className="rounded border border-rule bg-rule/30 p-3 text-sm">
          You can read this story but not change it now. Reporters edit their stories while they are drafts or returned with notes.
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
      {state.kind === 'refused' && refusal && (
        <ConflictPanel
          articleId={story.id}
          message={state.message}
          mine={draft}
          bodyText={(d) => documentText(d.body)}
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
      {state.kind === 'invalid' && <FieldErrors message={state.message} fieldErrors={state.fieldErrors} />}

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
            onChange={(body) => update({ body })}
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

export type { StoryDraft };
