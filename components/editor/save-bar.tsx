'use client';

import Link from 'next/link';
import { readingMinutes, storyWordCount } from '@/lib/content/document';
import { shortTimeIn } from '@/lib/dates';
import type { EditorStory, SharedState, StoryDraft } from './types';

type Props = {
  story: EditorStory;
  draft: StoryDraft;
  state: SharedState;
  timeZone: string;
  editable: boolean;
  onSave: () => void;
};

function saveLabel(state: SharedState, timeZone: string): string {
  switch (state.kind) {
    case 'connecting':
      return 'Connecting…';
    case 'unreachable':
      return 'Not connected — retrying';
    case 'saved':
      return `Saved ${shortTimeIn(new Date(state.at), timeZone)}`;
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — your changes will be merged when you reconnect';
    case 'retrying':
      return state.cause === 'newsroom' ? 'Not connected — retrying' : 'Not saved — retrying';
    case 'refused':
      return state.message;
    case 'invalid':
      return 'Not saved — check the fields';
  }
}

/** What a person whose save failed needs to know: nothing is lost, and nothing to do. */
function retryExplanation(cause: Extract<SharedState, { kind: 'retrying' }>['cause']): string {
  if (cause === 'newsroom') return 'Not connected: the newsroom is not answering — your text is kept in this browser and will be saved when it is back; reconnecting goes on by itself.';
  if (cause === 'busy') return 'Not saved yet: the database is busy — your text is kept in this browser and will be saved in a moment.';
  const who = cause === 'database' ? 'the database is' : 'the newsroom server is';
  return `Not saved: ${who} not answering — your text is kept in this browser and will be saved when it is back.`;
}

/** Before the story first opened for editing: nothing typed here yet, so only the stored text to speak of. */
const UNREACHABLE_EXPLANATION = {
  editing:
    'The editing server is not answering, so the story cannot be changed yet. Its text as last saved is kept on the server; editing starts by itself when the editing server is back. If it stays like this, tell whoever looks after the newsroom’s server.',
  // The app itself (asked for a token at each connection): its server, or its database, is down.
  newsroom:
    'The newsroom is not answering (its server or its database may be down), so the story cannot be opened for editing yet. Its text as last saved is kept on the server; editing starts by itself when the newsroom answers again. If it stays like this, tell whoever looks after the newsroom’s server.',
} as const;

/** The editor's top bar: whether the work is saved, its length, and where else to look. */
export function SaveBar({ story, draft, state, timeZone, editable, onSave }: Props) {
  // The same count the server stores with the revision (lib/content/document.ts).
  const words = storyWordCount(draft);
  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 border-b border-rule bg-paper py-2">
      <div className="text-sm" aria-live="polite">
        <p data-testid="save-state">{saveLabel(state, timeZone)}</p>
        {state.kind === 'retrying' && <p className="text-muted">{retryExplanation(state.cause)}</p>}
        {state.kind === 'unreachable' && <p className="text-muted">{UNREACHABLE_EXPLANATION[state.server]}</p>}
      </div>
      <div className="flex items-center gap-3 text-sm">
        <span className="text-muted">
          {words} words · {readingMinutes(words)} min read
        </span>
        <Link href={`/newsroom/articles/${story.id}/preview`} className="underline">Preview</Link>
        <Link href={`/newsroom/articles/${story.id}/history`} className="underline">History</Link>
        {story.liveSlug && story.status === 'published' && (
          <a href={`/articles/${story.liveSlug}`} className="underline">View live</a>
        )}
        <button type="button" onClick={onSave} disabled={!editable} className="rounded bg-ink px-3 py-1.5 font-semibold text-paper disabled:opacity-50">
          Save
        </button>
      </div>
    </div>
  );
}
