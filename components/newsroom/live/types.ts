import type { DeskUpdate } from '@/lib/live/live-desk';

/** A live update as the desk shows it (times already formatted in the site's zone). */
export type DeskUpdateView = Omit<DeskUpdate, 'postedAt' | 'editedAt' | 'createdAt'> & {
  when: string;
  edited: string | null;
};

export type DeskPerson = { id: string; displayName: string };
