import { CredentialsSignin } from 'next-auth';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { ActionError } from '@/lib/actions/define-action';
import { createUser } from '@/test/factories';
import { signIn } from './auth';
import { verifyCredentials } from './credentials';
import { hashPassword } from './password';
import { signInWithPassword, WRONG_CREDENTIALS } from './sign-in';

// Auth.js is replaced in tests; this stand-in does what our Credentials provider does.
vi.mocked(signIn).mockImplementation((async (_provider: string, options: { email: string; password: string }) => {
  if (!(await verifyCredentials(options.email, options.password))) throw new CredentialsSignin();
}) as never);

const attempt = (email: string, password: string, ip: string) =>
  signInWithPassword(email, password, ip).then(
    () => 'signed in',
    (error) => (error instanceof ActionError ? error.message : Promise.reject(error)),
  );

describe('guessing passwords', () => {
  it('refuses the 20th wrong password in a minute, and lets the owner in from elsewhere after the wait', async () => {
    vi.stubEnv('LOGIN_FIRST_BLOCK_SECONDS', '1');
    vi.stubEnv('LOGIN_MAX_BLOCK_SECONDS', '2');
    try {
      const person = await createUser();
      await db.update(users).set({ passwordHash: await hashPassword('the right long password') }).where(eq(users.id, person.id));
      const answers: string[] = [];
      for (let i = 1; i <= 20; i++) answers.push(await attempt(person.email, `wrong guess number ${i}`, '203.0.113.66'));
      expect(answers.slice(0, 5)).toEqual(Array(5).fill(WRONG_CREDENTIALS));
      expect(answers[19]).toMatch(/^Too many attempts\. Please wait \d+ seconds? and try again\.$/);
      // Even the right password is not checked while blocked.
      expect(await attempt(person.email, 'the right long password', '198.51.100.20')).toMatch(/^Too many attempts/);

      await new Promise((done) => setTimeout(done, 2_100));
      expect(await attempt(person.email, 'the right long password', '198.51.100.20')).toBe('signed in');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('answers an unknown email exactly like a wrong password, in about the same time', async () => {
    const person = await createUser();
    await db.update(users).set({ passwordHash: await hashPassword('the right long password') }).where(eq(users.id, person.id));
    const time = async (email: string) => {
      const started = performance.now();
      const answer = await attempt(email, 'not the password', `192.0.2.${Math.floor(Math.random() * 200)}`);
      return { answer, ms: performance.now() - started };
    };
    await time('warm-up@example.test');
    const known = await time(person.email);
    const unknown = await time(`nobody-${person.id}@example.test`);
    expect(unknown.answer).toBe(known.answer);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(Math.max(known.ms, unknown.ms) * 0.6);
  });
});
