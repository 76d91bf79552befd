import type { ArticleStatus, DocNode } from '@/db/schema';

/** The working copy as the story editor holds it. */
export type StoryDraft = {
  headline: string;
  deck: string;
  slug: string;
  sectionId: number;
  tags: string[];
  bylineIds: string[];
  heroMediaId: string | null;
  seoTitle: string;
  seoDescription: string;
  /** ISO instant, or null. */
  embargoUntil: string | null;
  body: DocNode;
};

export type PresenceView = { heldBy: { name: string; since: string } | null; mine: boolean; version: number };

export type LibraryPicture = { id: string; url: string; alt: string; caption: string; credit: string };

export type EditorStory = {
  id: string;
  version: number;
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
  | { kind: 'retrying'; attempt: number }
  | { kind: 'refused'; message: string }
  | { kind: 'invalid'; message: string; fieldErrors?: Record<string, string[]> };
