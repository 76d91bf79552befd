import { afterEach, describe, expect, it, vi } from 'vitest';
import nextConfig from '@/next.config';
import { newsroomContentSecurityPolicy, readerContentSecurityPolicy } from './security-headers';

const originalSiteUrl = process.env.SITE_URL;
afterEach(() => {
  process.env.SITE_URL = originalSiteUrl;
});

type Rule = { source: string; has?: { type: string; key: string; value?: string }[]; headers: { key: string; value: string }[] };
const rules = async () => (await nextConfig.headers!()) as Rule[];
const hstsRules = async () => (await rules()).filter((rule) => rule.headers.some((h) => h.key === 'Strict-Transport-Security'));

/** The rule's source as Next matches it (a path-to-regexp pattern; these use no parameters but `:path*`). */
const matches = (source: string, path: string) =>
  new RegExp(`^${source.replace('/:path*', '(?:/.*)?')}$`).test(path);

describe('HTTP security headers', () => {
  it('sends HSTS on every response when the public address is https', async () => {
    process.env.SITE_URL = 'https://news.example.com';
    const [rule, ...others] = await hstsRules();
    expect(others).toEqual([]);
    expect(rule).toMatchObject({ source: '/:path*', headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }] });
    expect(rule!.has).toBeUndefined();
  });

  it('over plain http, sends HSTS only on requests a TLS proxy marked as https', async () => {
    process.env.SITE_URL = 'http://localhost:3000';
    const [rule] = await hstsRules();
    const proto = rule!.has!.find((condition) => condition.key === 'x-forwarded-proto')!;
    const accepts = (value: string) => new RegExp(`^${proto.value}$`).test(value);
    expect(accepts('https')).toBe(true);
    expect(accepts('https, http')).toBe(true);
    expect(accepts('http')).toBe(false);
    expect(accepts('http, https')).toBe(false);
  });

  it('leaves preview links to the nonce policy: the reader policy does not cover them', async () => {
    const reader = (await rules()).find((rule) => rule.headers.some((h) => h.key === 'Content-Security-Policy'))!;
    expect(matches(reader.source, '/articles/a-story')).toBe(true);
    expect(matches(reader.source, '/preview')).toBe(true);
    for (const path of ['/preview/some-token', '/newsroom', '/newsroom/media', '/login']) expect(matches(reader.source, path)).toBe(false);
  });
});

describe('Content-Security-Policy and eval()', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const readerPolicyOfConfigBuiltWith = async (nodeEnv: string) => {
    vi.stubEnv('NODE_ENV', nodeEnv);
    vi.resetModules();
    const config = (await import('@/next.config')).default;
    const headers = (await config.headers!()) as Rule[];
    return headers.flatMap((rule) => rule.headers).find((h) => h.key === 'Content-Security-Policy')!.value;
  };

  it('a production build allows no eval() anywhere', async () => {
    expect(await readerPolicyOfConfigBuiltWith('production')).not.toContain('unsafe-eval');
    expect(newsroomContentSecurityPolicy('n0nce', false)).not.toContain('unsafe-eval');
  });

  it('the dev server allows eval(), which React uses for its console call stacks', async () => {
    expect(await readerPolicyOfConfigBuiltWith('development')).toMatch(/script-src [^;]*'unsafe-eval'/);
    expect(readerContentSecurityPolicy(true)).toMatch(/script-src [^;]*'unsafe-eval'/);
    expect(readerContentSecurityPolicy()).not.toContain('unsafe-eval');
  });

  it('the newsroom may connect to the collaboration server it is given, and nowhere else', () => {
    expect(newsroomContentSecurityPolicy('n', false)).toMatch(/connect-src 'self';/);
    expect(newsroomContentSecurityPolicy('n', false, 'ws://localhost:3301')).toMatch(/connect-src 'self' ws:\/\/localhost:3301;/);
    expect(newsroomContentSecurityPolicy('n', false, 'wss://collab.example.com/socket')).toMatch(/connect-src 'self' wss:\/\/collab\.example\.com;/);
    expect(newsroomContentSecurityPolicy('n', false, "javascript:alert(1); script-src *")).toMatch(/connect-src 'self';/);
  });
});

