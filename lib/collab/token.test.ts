import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenLedger, signCollabToken, verifyCollabToken, type CollabClaims } from './token';

const articleId = '3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11';
const claims = (change: Partial<CollabClaims> = {}): Omit<CollabClaims, 'jti'> => ({
  userId: '0b6e2f7e-2c1f-4f36-9a55-1d1e7f0c2a10',
  sid: 'session-1',
  sessionVersion: 3,
  articleId,
  mode: 'edit',
  name: 'Ana Reporter',
  exp: Math.floor(Date.now() / 1000) + 60,
  ...change,
});

describe('collaboration tokens', () => {
  it('round-trips the claims of a genuine token, with an id of its own', () => {
    const signed = claims(); // once: claims() reads the clock, and a second may pass between two calls
    const token = signCollabToken(signed, 'secret-a');
    const verified = verifyCollabToken(token, 'secret-a', articleId);
    expect(verified).toEqual({ ...signed, jti: expect.any(String) });
    expect(verifyCollabToken(signCollabToken(claims(), 'secret-a'), 'secret-a', articleId)!.jti).not.toBe(verified!.jti);
  });

  it('refuses another secret, another story, an expired token and a changed payload', () => {
    const token = signCollabToken(claims(), 'secret-a');
    expect(verifyCollabToken(token, 'secret-b', articleId)).toBeNull();
    expect(verifyCollabToken(token, 'secret-a', '9f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11')).toBeNull();
    expect(verifyCollabToken(signCollabToken(claims({ exp: Math.floor(Date.now() / 1000) - 1 }), 'secret-a'), 'secret-a', articleId)).toBeNull();
    const [, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify(claims({ mode: 'edit', userId: '1b6e2f7e-2c1f-4f36-9a55-1d1e7f0c2a10' }))).toString('base64url');
    expect(verifyCollabToken(`${forged}.${signature}`, 'secret-a', articleId)).toBeNull();
  });

  it('signs with a key derived by HKDF for this purpose, not with the secret or the old ad-hoc key', () => {
    const payload = Buffer.from(JSON.stringify({ ...claims(), jti: 'a'.repeat(22) })).toString('base64url');
    for (const key of ['secret-a', 'masthead-collab:secret-a']) {
      const signature = createHmac('sha256', key).update(payload).digest('base64url');
      expect(verifyCollabToken(`${payload}.${signature}`, 'secret-a', articleId)).toBeNull();
    }
  });

  it('refuses malformed tokens without throwing', () => {
    for (const token of ['', 'a', 'a.b', 'a.b.c', `${Buffer.from('{"nope":1}').toString('base64url')}.x`, 'x'.repeat(5000)]) {
      expect(verifyCollabToken(token, 'secret-a', articleId)).toBeNull();
    }
  });
});

describe('the token ledger', () => {
  it('accepts a token once, and forgets it once it has expired', async () => {
    const ledger = createTokenLedger();
    const now = Date.now();
    const first = { jti: 'token-one-0123456789', exp: Math.floor(now / 1000) + 60 };
    expect(await ledger.claim(first, now)).toBe(true);
    expect(await ledger.claim(first, now)).toBe(false);
    expect(await ledger.claim({ jti: 'token-two-0123456789', exp: first.exp }, now)).toBe(true);
    expect(await ledger.claim({ jti: 'token-three-01234567', exp: first.exp + 60 }, now + 61_000)).toBe(true);
    expect(ledger.size).toBe(1);
  });

  it('with a shared store, refuses a token another server took, and refuses when the store cannot answer', async () => {
    const taken = new Set<string>();
    const store = { setOnce: async (key: string) => !taken.has(key) && Boolean(taken.add(key)) };
    const exp = Math.floor(Date.now() / 1000) + 60;
    expect(await createTokenLedger(store).claim({ jti: 'shared-token-012345', exp })).toBe(true);
    expect(await createTokenLedger(store).claim({ jti: 'shared-token-012345', exp })).toBe(false);
    const down = { setOnce: () => Promise.reject(new Error('connection refused')) };
    expect(await createTokenLedger(down).claim({ jti: 'shared-token-678901', exp })).toBe(false);
  });
});
