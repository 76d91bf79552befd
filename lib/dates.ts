/*
 * Dates in a named time zone, with no server-only import: the server (lib/site-time.ts) and
 * the newsroom editor in the browser convert and format times with these same functions.
 *
 * Intl rather than a date library: it needs no data files, and Next's prerender check flags
 * libraries that construct `new Date()` internally (as @date-fns/tz's TZDate does).
 */
type Parts = Record<'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second' | 'timeZoneName', string>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// formatToParts is slow (tens of µs on a busy server) and a page formats each story's time
// three times (the text, and the day and time of `datetime`); the same few hundred
// publication times recur on every render, so the parts are remembered, within a bound.
const MAX_REMEMBERED_PARTS = 5_000;
const rememberedParts = new Map<string, Readonly<Parts>>();

function partsOf(date: Date, timeZone: string): Readonly<Parts> {
  const key = `${timeZone} ${date.getTime()}`;
  const known = rememberedParts.get(key);
  if (known) return known;
  const parts = {} as Parts;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type as keyof Parts] = part.value;
  }
  if (rememberedParts.size >= MAX_REMEMBERED_PARTS) rememberedParts.delete(rememberedParts.keys().next().value!);
  rememberedParts.set(key, parts);
  return parts;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (value: string | number) => String(value).padStart(2, '0');

/** "June 19, 2024 - 15:57", as readers see it on an article. */
export function formatPublishedTimeIn(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone);
  return `${p.month} ${p.day}, ${p.year} - ${p.hour}:${p.minute}`;
}

/** "Saturday, November 28, 2026". */
export function formatLongDateIn(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone);
  return `${p.weekday}, ${p.month} ${p.day}, ${p.year}`;
}

/** "2026-11-28": the calendar day in the zone. */
export function calendarDayIn(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone);
  return `${p.year}-${pad(MONTHS.indexOf(p.month) + 1)}-${pad(p.day)}`;
}

/** ISO 8601 with the zone's offset ("2026-11-28T16:41:00+09:00"). */
export function isoInZone(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone);
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return `${calendarDayIn(date, timeZone)}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** Seconds from `date` to the next midnight in the zone. */
export function secondsUntilMidnightIn(date: Date, timeZone: string): number {
  const p = partsOf(date, timeZone);
  const elapsed = Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second);
  return Math.max(1, 86_400 - elapsed);
}

/** How far the zone's wall clock is ahead of UTC at `instantMs`, in milliseconds. */
function offsetMsAt(instantMs: number, timeZone: string): number {
  const wallClock = isoInZone(new Date(instantMs), timeZone).slice(0, 19);
  return Date.parse(`${wallClock}Z`) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time in the zone names ("2026-11-28T15:57", seconds optional),
 * as typed into a `datetime-local` input. Across a daylight-saving change the offset after
 * the change is used.
 */
export function wallClockToInstant(local: string, timeZone: string): Date {
  const asUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  const first = asUtc - offsetMsAt(asUtc, timeZone);
  return new Date(asUtc - offsetMsAt(first, timeZone));
}

/** An instant as the value of a `datetime-local` input in the zone ("2026-11-28T15:57"). */
export function instantToWallClock(date: Date, timeZone: string): string {
  return isoInZone(date, timeZone).slice(0, 16);
}

/** "15:57" (or "Nov 28, 15:57" if not on the same day as `now`) in the zone. */
export function shortTimeIn(date: Date, timeZone: string, now = new Date()): string {
  const sameDay = calendarDayIn(date, timeZone) === calendarDayIn(now, timeZone);
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
  }).format(date);
}
