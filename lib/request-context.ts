import 'server-only';
import ipaddr from 'ipaddr.js';
import { headers } from 'next/headers';
import { network } from '@/lib/config';
import { socketAddressFrom } from '@/lib/socket-address';

type HeaderSource = Request | { get(name: string): string | null };

/**
 * The client's address, decided in this one place for the audit log, sign-in throttling
 * and the view counter.
 *
 * With TRUSTED_PROXY_HOPS = 0 (the default) the app faces clients directly and uses the TCP
 * peer's address; X-Forwarded-For is ignored, because a client can write anything in it.
 * With N trusted proxies in front, each appending the address it received from, the N-th
 * entry from the right was written by the outermost of them: that is the client. Entries
 * further left came from the client and are never read. A header with fewer entries than
 * proxies (a request that went round them) falls back to the peer's address.
 */
export function clientAddressFrom(source: HeaderSource, hops = network.trustedProxyHops): string {
  const list = source instanceof Request ? source.headers : source;
  const peer = canonicalAddress(socketAddressFrom(list));
  if (hops > 0) {
    const forwarded = (list.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    if (forwarded.length >= hops) {
      const client = canonicalAddress(forwarded[forwarded.length - hops]!);
      if (client) return client;
    }
  }
  return peer ?? 'unknown';
}

/** The client's address for this request (server actions, pages). */
export async function clientIp(): Promise<string> {
  return clientAddressFrom(await headers());
}

/**
 * One spelling per address: IPv4-mapped IPv6 becomes IPv4, a port or brackets are dropped,
 * and anything that is not an address is null.
 */
export function canonicalAddress(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 64) return null;
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%.*$/, '');
  if (!ipaddr.isValid(text)) return null;
  return ipaddr.process(text).toString();
}

/**
 * The unit a rate limit counts: one IPv4 address, or one IPv6 /64 (the block a single
 * household or server is usually given, so that it cannot rotate through its addresses).
 */
export function addressBucket(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

/** The time of this request, for "waiting 12 min" in dynamic newsroom pages. */
export function requestTime(): number {
  return Date.now();
}
