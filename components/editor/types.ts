import type { ArticleStatus } from '@/db/schema';
import type { WorkingCopy } from '@/lib/workflow/working-copy';

/** The working copy as the story editor holds it. */
export type StoryDraft = WorkingCopy['draft'];

export type PresenceView = { heldBy: { name: string; since: string } | null; mine: boolean; version: number };

export type LibraryPicture = { id: string; url: string; alt: string; caption: string; credit: string };

export type EditorStory = {
  id: string;
  version: number;
  /** The working copy's revision when the page loaded. */
  revisionId: number;
  /** While scheduled: the revision that goes out when due. */
  scheduledRevisionId: number | null;
  status: ArticleStatus;
  liveSlug: string | null;
  canEdit: boolean;
  draft: StoryDraft;
  lastSaved: { by: string | null; at: string };
};

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** The server or its database did not answer; the text is in the browser's backup and saving goes on by itself. */
  | { kind: 'retrying'; attempt: number; cause: 'server' | 'database' }
  | { kind: 'refused'; message: string }
  | { kind: 'invalid'; message: string; fieldErrors?: Record<string, string[]> };
