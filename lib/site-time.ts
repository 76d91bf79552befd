import 'server-only';
import { site } from './config';
import {
  calendarDayIn,
  formatLongDateIn,
  formatPublishedTimeIn,
  instantToWallClock,
  isoInZone,
  secondsUntilMidnightIn,
  wallClockToInstant,
} from './dates';

/** Times in the site's time zone (SITE_TIMEZONE), through the shared helpers in lib/dates.ts. */

/** "June 19, 2024 - 15:57" in the site's time zone, as readers see it on an article. */
export const formatPublishedTime = (date: Date) => formatPublishedTimeIn(date, site.timeZone);

/** "Saturday, November 28, 2026" for the date bar. */
export const formatLongDate = (date: Date) => formatLongDateIn(date, site.timeZone);

/** "2026-11-28": the calendar day in the site's time zone. */
export const siteDay = (date: Date) => calendarDayIn(date, site.timeZone);

/** ISO 8601 with the site's offset ("2026-11-28T16:41:00+09:00"), for `datetime` and JSON-LD. */
export const isoInSiteZone = (date: Date) => isoInZone(date, site.timeZone);

/** Seconds from `date` to the next midnight in the site's time zone. */
export const secondsUntilMidnight = (date: Date) => secondsUntilMidnightIn(date, site.timeZone);

/** The instant a calendar day ("2026-11-28") begins in the site's time zone, plus `addDays`. */
export function siteMidnight(day: string, addDays = 0): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + addDays);
  return wallClockToInstant(date.toISOString().slice(0, 19), site.timeZone);
}

/** A wall-clock time typed in the site's zone ("2026-11-28T15:57" or with ":30" seconds) as an instant. */
export const siteDateTimeToInstant = (local: string) => wallClockToInstant(local, site.timeZone);

/** An instant as the value of a `datetime-local` input in the site's zone. */
export const instantToSiteDateTime = (date: Date) => instantToWallClock(date, site.timeZone);
