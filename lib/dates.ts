import 'server-only';
import { site } from './config';

// Intl rather than a date library: it needs no data files, and Next's prerender check
// flags libraries that construct `new Date()` internally (as @date-fns/tz's TZDate does).
const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: site.timeZone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

type Parts = Record<'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second' | 'timeZoneName', string>;

function partsOf(date: Date): Parts {
  const parts = {} as Parts;
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type as keyof Parts] = part.value;
  }
  return parts;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (value: string | number) => String(value).padStart(2, '0');

/** "June 19, 2024 - 15:57" in the site's time zone, as readers see it on an article. */
export function formatPublishedTime(date: Date): string {
  const p = partsOf(date);
  return `${p.month} ${p.day}, ${p.year} - ${p.hour}:${p.minute}`;
}

/** "Saturday, November 28, 2026" for the date bar. */
export function formatLongDate(date: Date): string {
  const p = partsOf(date);
  return `${p.weekday}, ${p.month} ${p.day}, ${p.year}`;
}

/** "2026-11-28": the calendar day in the site's time zone. */
export function siteDay(date: Date): string {
  const p = partsOf(date);
  return `${p.year}-${pad(MONTHS.indexOf(p.month) + 1)}-${pad(p.day)}`;
}

/** ISO 8601 with the site's offset ("2026-11-28T16:41:00+09:00"), for `datetime` and JSON-LD. */
export function isoInSiteZone(date: Date): string {
  const p = partsOf(date);
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return `${siteDay(date)}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** Seconds from `date` to the next midnight in the site's time zone. */
export function secondsUntilMidnight(date: Date): number {
  const p = partsOf(date);
  const elapsed = Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second);
  return Math.max(1, 86_400 - elapsed);
}

/** The instant a calendar day ("2026-11-28") begins in the site's time zone, plus `addDays`. */
export function siteMidnight(day: string, addDays = 0): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  utcMidnight.setUTCDate(utcMidnight.getUTCDate() + addDays);
  // The zone's offset at that moment; close enough across a DST change for day filters.
  const offsetMs = Date.parse(isoInSiteZone(utcMidnight).slice(0, 19) + 'Z') - utcMidnight.getTime();
  return new Date(utcMidnight.getTime() - offsetMs);
}

/** A wall-clock time typed in the site's zone ("2026-11-28T15:57" or with ":30" seconds) as an instant. */
export function siteDateTimeToInstant(local: string): Date {
  const [day, time] = local.split('T') as [string, string];
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  return new Date(siteMidnight(day).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** An instant as the value of a `datetime-local` input in the site's zone. */
export function instantToSiteDateTime(date: Date): string {
  return isoInSiteZone(date).slice(0, 16);
}
