/** "15:57" (or "Nov 28, 15:57" if not today) in the site's time zone, in the browser. */
export function shortTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone }).format(date) === new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
  }).format(date);
}
