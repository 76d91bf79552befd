import { formatPublishedTime } from '@/lib/site-time';
import type { LiveDesk } from '@/lib/live/live-desk';
import type { LiveDeskView } from './live-desk';

/** The desk's data with times formatted in the site's zone, for the client component. */
export function liveDeskView(desk: LiveDesk): LiveDeskView {
  return {
    started: formatPublishedTime(desk.startedAt),
    ended: desk.endedAt ? formatPublishedTime(desk.endedAt) : null,
    pollSeconds: desk.pollSeconds,
    reportersMayPost: desk.reportersMayPost,
    postedCount: desk.postedCount,
    canPost: desk.canPost,
    canManage: desk.canManage,
    updates: desk.updates.map(({ postedAt, editedAt, createdAt, ...update }) => ({
      ...update,
      when: formatPublishedTime(postedAt ?? createdAt),
      edited: editedAt ? formatPublishedTime(editedAt) : null,
    })),
  };
}
