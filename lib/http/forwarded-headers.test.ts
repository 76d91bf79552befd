import { describe, expect, it } from 'vitest';
import { malformedForwarding } from './forwarded-headers';

const check = (headers: Record<string, string>) => malformedForwarding(new Headers(headers));

describe('malformedForwarding', () => {
  it('accepts what a proxy sends, and no headers at all', () => {
    const proxied: Record<string, string>[] = [{}, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'news.example.com' }, { 'x-forwarded-proto': 'HTTP' },
      { 'x-forwarded-host': 'localhost:3000' }, { 'x-forwarded-host': '[::1]:3000' }, { 'x-forwarded-host': '192.0.2.1' }];
    for (const headers of proxied) {
      expect(check(headers), JSON.stringify(headers)).toBeNull();
    }
  });

  it('names what is wrong with made-up values', () => {
    expect(check({ 'x-forwarded-proto': 'gopher' })).toMatch(/X-Forwarded-Proto/);
    expect(check({ 'x-forwarded-proto': 'https, http' })).toMatch(/X-Forwarded-Proto/);
    for (const host of ['bad host/../x', 'a/b', 'x@y', '', 'host:port']) expect(check({ 'x-forwarded-host': host }), host).toMatch(/X-Forwarded-Host/);
  });
});
