import type { DocNode } from '@/db/schema';

/** A live update as the desk shows it (times already formatted in the site's zone). */
export type DeskUpdateView = {
  id: number;
  posted: boolean;
  headline: string;
  body: DocNode;
  bodyText: string;
  mediaId: string | null;
  authorIds: string[];
  pinned: boolean;
  keyEvent: boolean;
  when: string;
  edited: string | null;
  canChange: boolean;
};

export type DeskPerson = { id: string; displayName: string };
