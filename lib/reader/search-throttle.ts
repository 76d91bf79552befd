import 'server-only';
import { isIPv4, isIPv6 } from 'node:net';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { limits } from '@/lib/config';

/**
 * Searches per client address per minute (SEARCH_LIMIT_PER_MINUTE, default 60). Every
 * distinct query costs a database search that no cache can answer in advance. A new query
 * every second is more than a person types, with room for several readers behind one
 * office or mobile-network address.
 *
 * Kept in this process's memory: with N instances behind a balancer an address gets up to
 * N times the limit, which is still a bound; a stricter shared limit would need Redis or
 * PostgreSQL on every search, and the point here is to keep search cheap.
 */
export const searchLimitPerMinute = limits.searchesPerMinute;

const shared = globalThis as unknown as { mastheadSearchLimiter?: { points: number; limiter: RateLimiterMemory } };

function limiter(): RateLimiterMemory {
  const points = searchLimitPerMinute();
  if (shared.mastheadSearchLimiter?.points !== points) {
    shared.mastheadSearchLimiter = { points, limiter: new RateLimiterMemory({ points, duration: 60, keyPrefix: 'search' }) };
  }
  return shared.mastheadSearchLimiter.limiter;
}

export type SearchAllowance = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one search for `address`; refused once the address has used its minute's allowance. */
export async function takeSearchAllowance(address: string): Promise<SearchAllowance> {
  try {
    await limiter().consume(addressBucket(address));
    return { ok: true };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    throw refusal;
  }
}

/**
 * One bucket per IPv4 address, and per /64 for IPv6: a single home or server is normally
 * given a whole /64, so counting its addresses one by one would give it 2^64 allowances.
 */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const width = back.length + (back.at(-1)?.includes('.') ? 1 : 0); // a trailing a.b.c.d is two groups
  const groups = address.includes('::') ? [...front, ...Array(8 - front.length - width).fill('0'), ...back] : front;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
