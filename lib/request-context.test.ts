import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addressBucket, canonicalAddress, clientAddressFrom } from './request-context';
import { SOCKET_ADDRESS_HEADER, stampSocketAddresses } from './socket-address';

/** Sends one request to a real HTTP server and returns the headers the app would see. */
async function headersSeenByTheApp(sent: Record<string, string>): Promise<Headers> {
  stampSocketAddresses();
  let seen: http.IncomingHttpHeaders = {};
  const server = http.createServer((request, response) => {
    seen = request.headers;
    response.end('ok');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  try {
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: sent });
  } finally {
    await new Promise((closed) => server.close(closed));
  }
  return new Headers(Object.entries(seen).map(([name, value]) => [name, String(value)] as [string, string]));
}

describe('client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    const seen = await headersSeenByTheApp({ 'x-forwarded-for': '203.0.113.7, 198.51.100.1' });
    expect(clientAddressFrom(seen, 0)).toBe('127.0.0.1');
  });

  it('cannot be forged with the stamp header itself', async () => {
    const seen = await headersSeenByTheApp({ [SOCKET_ADDRESS_HEADER]: 'whatever 203.0.113.9' });
    expect(clientAddressFrom(seen, 0)).toBe('127.0.0.1');
    expect(clientAddressFrom(new Headers({ [SOCKET_ADDRESS_HEADER]: 'guessed-secret 203.0.113.9' }), 0)).toBe('unknown');
  });

  it('is the entry the outermost trusted proxy appended', async () => {
    const seen = await headersSeenByTheApp({ 'x-forwarded-for': 'made-up, 203.0.113.7, 10.0.0.2' });
    expect(clientAddressFrom(seen, 1)).toBe('10.0.0.2');
    expect(clientAddressFrom(seen, 2)).toBe('203.0.113.7');
    // Fewer entries than proxies: the request went round them; use the peer.
    expect(clientAddressFrom(seen, 4)).toBe('127.0.0.1');
    // An entry that is not an address is never used.
    expect(clientAddressFrom(seen, 3)).toBe('127.0.0.1');
  });

  it('reads the headers of a Request too', async () => {
    const seen = await headersSeenByTheApp({ 'x-forwarded-for': '198.51.100.23' });
    expect(clientAddressFrom(new Request('http://localhost/', { headers: seen }), 1)).toBe('198.51.100.23');
  });

  it('has one spelling per address', () => {
    expect(canonicalAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(canonicalAddress('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(canonicalAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(canonicalAddress('2001:0db8:0000::0001')).toBe('2001:db8::1');
    expect(canonicalAddress('<script>')).toBeNull();
    expect(canonicalAddress('')).toBeNull();
  });

  it('counts an IPv6 /64 as one address for rate limits', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe(addressBucket('2001:db8:1:2:bbbb::9'));
    expect(addressBucket('2001:db8:1:3::1')).not.toBe(addressBucket('2001:db8:1:2::1'));
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
  });
});
