import type { ArticleStatus } from '@/db/schema';
import type { WorkingCopy } from '@/lib/workflow/working-copy';

/** The working copy as the story editor holds it. */
export type StoryDraft = WorkingCopy['draft'];

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

/** Where this page's edits stand, as the save bar says it. */
export type SharedState =
  | { kind: 'connecting' }
  /**
   * Before the story first opened, the editing (collaboration) server or the newsroom's own
   * server (asked for a token at each connection) did not answer: nothing can be typed yet,
   * and nothing is lost. Retried by itself.
   */
  | { kind: 'unreachable'; server: 'editing' | 'newsroom' }
  | { kind: 'saved'; at: string }
  | { kind: 'saving' }
  | { kind: 'offline' }
  /**
   * The collaboration server or its database is not answering (or every connection is busy),
   * or the newsroom's own server could not give a token to reconnect ('newsroom'); the text is
   * kept and saving goes on by itself.
   */
  | { kind: 'retrying'; cause: 'server' | 'database' | 'busy' | 'newsroom' }
  | { kind: 'refused'; message: string }
  | { kind: 'invalid'; message: string; fieldErrors?: Record<string, string[]> };
