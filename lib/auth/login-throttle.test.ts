import { describe, expect, it, vi } from 'vitest';
import { unique } from '@/test/factories';
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from './login-throttle';

describe('sign-in throttling', () => {
  it('gives an account a few free failures, then blocks it for growing times', async () => {
    const email = `someone-${unique()}@example.test`;
    for (let i = 0; i < 5; i++) {
      expect(await checkLoginAllowed(email, '198.51.100.9')).toEqual({ allowed: true });
      expect(await recordLoginFailure(email, '198.51.100.9')).toBe(0);
    }
    expect(await recordLoginFailure(email, '198.51.100.9')).toBe(30);
    expect(await recordLoginFailure(email, '198.51.100.10')).toBe(60);
    const gate = await checkLoginAllowed(email, '203.0.113.50');
    expect(gate.allowed).toBe(false);
    expect(gate.allowed === false && gate.retryAfterSeconds).toBeGreaterThan(50);

    await recordLoginSuccess(email);
    expect(await checkLoginAllowed(email, '203.0.113.50')).toEqual({ allowed: true });
  });

  it('never blocks an account for more than the ceiling', async () => {
    vi.stubEnv('LOGIN_MAX_BLOCK_SECONDS', '120');
    try {
      const email = `someone-${unique()}@example.test`;
      let longest = 0;
      for (let i = 0; i < 15; i++) longest = Math.max(longest, await recordLoginFailure(email, `192.0.2.${i}`));
      expect(longest).toBe(120);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('blocks an address that fails across many accounts', async () => {
    vi.stubEnv('LOGIN_ADDRESS_FAILURES', '3');
    try {
      const address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 4; i++) await recordLoginFailure(`victim-${unique()}@example.test`, address);
      expect((await checkLoginAllowed(`fresh-${unique()}@example.test`, address)).allowed).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
