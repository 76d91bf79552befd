import 'server-only';
import { headers } from 'next/headers';

/**
 * The client's address for rate limits and the audit log: the last X-Forwarded-For entry,
 * which is the one our own front proxy (or Next, when reached directly) recorded. Entries
 * before it come from the client and could be made up.
 */
export function clientIpFrom(forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').at(-1)?.trim();
  return last && last.length <= 64 ? last : 'unknown';
}

export async function clientIp(): Promise<string> {
  return clientIpFrom((await headers()).get('x-forwarded-for'));
}

/** The time of this request, for "waiting 12 min" in dynamic newsroom pages. */
export function requestTime(): number {
  return Date.now();
}
