import { formatPublishedTime, isoInSiteZone } from '@/lib/dates';
import { RelativeTimeIsland } from './relative-time-island';

/**
 * A time in a list: absolute in the site's zone in the HTML (cached pages, no JavaScript),
 * shown as "5 min ago" by a small island while it is less than a day old.
 */
export function RelativeTime({ date }: { date: Date }) {
  const absolute = formatPublishedTime(date);
  return <RelativeTimeIsland iso={isoInSiteZone(date)} absolute={absolute} />;
}
