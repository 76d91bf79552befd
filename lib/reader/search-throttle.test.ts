import { describe, expect, it } from 'vitest';
import { addressBucket, takeSearchAllowance } from './search-throttle';

describe('search throttle', () => {
  it('counts IPv4 addresses one by one and IPv6 per /64', () => {
    expect(addressBucket('192.0.2.7')).toBe('192.0.2.7');
    expect(addressBucket('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('unknown')).toBe('unknown');
  });

  it('gives an address SEARCH_LIMIT_PER_MINUTE searches, then a wait of at most a minute', async () => {
    process.env.SEARCH_LIMIT_PER_MINUTE = '2';
    try {
      const address = '2001:db8:77::1';
      expect(await takeSearchAllowance(address)).toEqual({ ok: true });
      expect(await takeSearchAllowance('2001:db8:77::2')).toEqual({ ok: true }); // same /64
      const refused = await takeSearchAllowance(address);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(!refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(await takeSearchAllowance('2001:db8:78::1')).toEqual({ ok: true });
    } finally {
      delete process.env.SEARCH_LIMIT_PER_MINUTE;
    }
  });
});
