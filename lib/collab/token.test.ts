import { describe, expect, it } from 'vitest';
import { signCollabToken, verifyCollabToken, type CollabClaims } from './token';

const articleId = '3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11';
const claims = (change: Partial<CollabClaims> = {}): CollabClaims => ({
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
  it('round-trips the claims of a genuine token', () => {
    const token = signCollabToken(claims(), 'secret-a');
    expect(verifyCollabToken(token, 'secret-a', articleId)).toEqual(claims());
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

  it('refuses malformed tokens without throwing', () => {
    for (const token of ['', 'a', 'a.b', 'a.b.c', `${Buffer.from('{"nope":1}').toString('base64url')}.x`, 'x'.repeat(5000)]) {
      expect(verifyCollabToken(token, 'secret-a', articleId)).toBeNull();
    }
  });
});
