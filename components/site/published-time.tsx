import { formatPublishedTime, isoInSiteZone } from '@/lib/site-time';

/** An absolute time in the site's zone, machine-readable in `datetime`. */
export function PublishedTime({ date }: { date: Date }) {
  return <time dateTime={isoInSiteZone(date)}>{formatPublishedTime(date)}</time>;
}
