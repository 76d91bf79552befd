import { describe, expect, it } from 'vitest';
import { collabOrigins, isAllowedOrigin } from './origin';

describe('the collaboration server’s allowed origins', () => {
  const allowed = collabOrigins('https://news.example.org/', true);

  it('lets the site’s own pages and header-less clients in', () => {
    expect(allowed).toEqual(['https://news.example.org']);
    expect(isAllowedOrigin('https://news.example.org', allowed)).toBe(true);
    expect(isAllowedOrigin(undefined, allowed)).toBe(true);
  });

  it('refuses other sites, look-alikes, another scheme or port, and the opaque origin', () => {
    for (const origin of ['https://evil.example', 'https://news.example.org.evil.example', 'http://news.example.org', 'https://news.example.org:8443', 'null', '', 'not a url']) {
      expect(isAllowedOrigin(origin, allowed)).toBe(false);
    }
  });

  it('outside production also takes the dev server on 127.0.0.1, and only locally', () => {
    expect(collabOrigins('http://localhost:3000', false)).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(collabOrigins('http://localhost:3000', true)).toEqual(['http://localhost:3000']);
    expect(collabOrigins('https://news.example.org', false)).toEqual(['https://news.example.org']);
  });
});
