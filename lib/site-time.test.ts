import { describe, expect, it } from 'vitest';
import { instantToWallClock, shortTimeIn, wallClockToInstant } from './dates';
import { formatLongDate, formatPublishedTime, instantToSiteDateTime, isoInSiteZone, siteDateTimeToInstant, siteDay } from './site-time';

// The default site time zone is Asia/Seoul (UTC+9, no daylight saving).
describe('dates in the site time zone', () => {
  const moment = new Date('2024-06-19T06:57:30Z');

  it('formats the published time as readers see it', () => {
    expect(formatPublishedTime(moment)).toBe('June 19, 2024 - 15:57');
  });

  it('gives the date bar, the calendar day and ISO with offset', () => {
    expect(formatLongDate(moment)).toBe('Wednesday, June 19, 2024');
    expect(siteDay(new Date('2024-06-19T16:00:00Z'))).toBe('2024-06-20');
    expect(isoInSiteZone(moment)).toBe('2024-06-19T15:57:30+09:00');
  });

  it('reads a wall-clock time typed in the site zone', () => {
    expect(siteDateTimeToInstant('2024-06-19T15:57').toISOString()).toBe('2024-06-19T06:57:00.000Z');
    expect(siteDateTimeToInstant('2024-06-20T00:00:30').toISOString()).toBe('2024-06-19T15:00:30.000Z');
    expect(instantToSiteDateTime(moment)).toBe('2024-06-19T15:57');
  });
});

describe('the shared zone helpers the editor uses in the browser', () => {
  it('convert wall-clock times both ways, also across a daylight-saving change', () => {
    const zone = 'America/New_York';
    expect(wallClockToInstant('2026-03-07T12:00', zone).toISOString()).toBe('2026-03-07T17:00:00.000Z');
    expect(wallClockToInstant('2026-03-08T12:00', zone).toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(instantToWallClock(new Date('2026-03-08T16:00:00Z'), zone)).toBe('2026-03-08T12:00');
    expect(shortTimeIn(new Date('2026-03-08T16:00:00Z'), zone, new Date('2026-03-08T20:00:00Z'))).toBe('12:00');
    expect(shortTimeIn(new Date('2026-03-08T16:00:00Z'), zone, new Date('2026-03-10T20:00:00Z'))).toBe('Mar 8, 12:00');
  });

  it('are what the server uses for the site zone', () => {
    expect(siteDateTimeToInstant('2024-06-19T15:57')).toEqual(wallClockToInstant('2024-06-19T15:57', 'Asia/Seoul'));
  });
});
