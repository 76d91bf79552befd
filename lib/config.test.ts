import { describe, expect, it, vi } from 'vitest';
import { checkDeploymentId, checkEnvironment, pageCache } from './config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const production = { NODE_ENV: 'production', AUTH_SECRET: 'a'.repeat(44), SITE_URL: 'https://news.example.com' } as const;
const refusal = (env: Record<string, string>) => {
  try {
    checkEnvironment(env);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('the configuration check at start', () => {
  it('accepts a complete production environment, and development with nothing set', () => {
    expect(refusal(production)).toBe('accepted');
    expect(refusal({ NODE_ENV: 'development' })).toBe('accepted');
    expect(refusal({ ...production, INSTANCE_COUNT: '3', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY, NEXT_DEPLOYMENT_ID: 'a1b2c3d' })).toBe('accepted');
  });

  it('refuses production without AUTH_SECRET or SITE_URL, naming each', () => {
    const message = refusal({ NODE_ENV: 'production' });
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain('AUTH_SECRET: required in production');
    expect(message).toContain('SITE_URL: required in production');
    expect(refusal({ ...production, AUTH_SECRET: 'short' })).toContain('AUTH_SECRET: must be at least 32 characters');
  });

  it('refuses several production instances without a shared actions key and deployment id', () => {
    const message = refusal({ ...production, INSTANCE_COUNT: '2' });
    expect(message).toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: required with INSTANCE_COUNT=2');
    expect(message).toContain('NEXT_DEPLOYMENT_ID: required with INSTANCE_COUNT=2');
    expect(refusal({ ...production, INSTANCE_COUNT: '2', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY })).not.toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY');
  });

  it('names the variable of every malformed value', () => {
    expect(refusal({ SITE_URL: 'news.example.com' })).toContain('SITE_URL: must be a URL');
    expect(refusal({ DATABASE_URL: 'mysql://x' })).toContain('DATABASE_URL: must be a PostgreSQL URL');
    expect(refusal({ DATABASE_POOL_SIZE: 'ten' })).toContain('DATABASE_POOL_SIZE: must be a number');
    expect(refusal({ SITE_TIMEZONE: 'Mars/Olympus' })).toContain('SITE_TIMEZONE: must be an IANA time zone');
    expect(refusal({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'not-a-key' })).toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be a base64 AES key');
    expect(refusal({ SMTP_SECURE: 'yes' })).toContain('SMTP_SECURE: must be true or false');
    expect(refusal({ CDN_PURGE_URL: 'https://purge.example.com/hook' })).toContain('CDN_PURGE_SECRET: required with CDN_PURGE_URL');
    expect(refusal({ SITE_URL: '' })).toBe('accepted'); // empty counts as unset
  });

  it('keeps reader pages 1 s in the page cache unless told otherwise; 0 turns it off', () => {
    expect(checkEnvironment({}).PAGE_CACHE_SECONDS).toBe(1);
    expect(checkEnvironment({ PAGE_CACHE_SECONDS: '0' }).PAGE_CACHE_SECONDS).toBe(0);
    expect(refusal({ PAGE_CACHE_SECONDS: '-1' })).toContain('PAGE_CACHE_SECONDS: must be 0 (off) to 60');
    expect(refusal({ PAGE_CACHE_SECONDS: '0.5' })).toContain('PAGE_CACHE_SECONDS: must be a whole number');
    expect(refusal({ PAGE_CACHE_SECONDS: 'on' })).toContain('PAGE_CACHE_SECONDS: must be a number');
    vi.stubEnv('PAGE_CACHE_SECONDS', '5');
    try {
      expect(pageCache.seconds()).toBe(5);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("refuses a server whose deployment id is not the build's", () => {
    expect(() => checkDeploymentId('a1b2c3d', { NEXT_DEPLOYMENT_ID: 'a1b2c3d' })).not.toThrow();
    expect(() => checkDeploymentId(undefined, {})).not.toThrow();
    expect(() => checkDeploymentId('a1b2c3d', {})).toThrow('NEXT_DEPLOYMENT_ID: must be the build\'s: it was built with "a1b2c3d", and this server has none');
    expect(() => checkDeploymentId(undefined, { NEXT_DEPLOYMENT_ID: 'e4f5' })).toThrow('built with none, and this server has "e4f5"');
  });
});
