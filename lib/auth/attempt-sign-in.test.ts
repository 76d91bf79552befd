import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, signInThrottle, users } from '@/db/schema';
import { createUser, unique } from '@/test/factories';
import { attemptPasswordSignIn } from './attempt-sign-in';
import { accountKey } from './login-throttle';
import { hashPassword, verifyPassword } from './password';

// Watches (and still runs) every argon2 verification, so a test can see which hash each
// attempt was checked against.
vi.mock('./password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./password')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const PASSWORD = 'the right long password';

async function personWithPassword() {
  const person = await createUser();
  await db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, person.id));
  return person;
}

const randomAddress = () => `198.51.100.${Math.floor(Math.random() * 250)}`;
const attempt = (email: string, password: string, address = randomAddress()) => attemptPasswordSignIn({ email, password, address });

/** Moves a throttle row into the past, as if that much time had gone by. */
async function letTimePass(key: string, seconds: number) {
  const shift = sql`make_interval(secs => ${seconds})`;
  await db
    .update(signInThrottle)
    .set({ updatedAt: sql`${signInThrottle.updatedAt} - ${shift}`, blockedUntil: sql`${signInThrottle.blockedUntil} - ${shift}` })
    .where(eq(signInThrottle.key, key));
}

const auditCount = async (action: 'auth.sign_in_failed' | 'auth.sign_in_blocked', email: string) =>
  (await db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.action, action), sql`${auditEvents.details}->>'email' = ${email}`))).length;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a sign-in attempt', () => {
  it('gets five free failures, then is refused unheard (even with the right password) until the block ends', async () => {
    const person = await personWithPassword();
    for (let i = 0; i < 5; i++) expect((await attempt(person.email, `wrong guess ${i}`)).outcome).toBe('wrong_credentials');
    const refused = await attempt(person.email, PASSWORD);
    expect(refused).toEqual({ outcome: 'blocked', retryAfterSeconds: expect.any(Number) });
    expect(refused.outcome === 'blocked' && refused.retryAfterSeconds).toBeGreaterThan(25);

    await letTimePass(accountKey(person.email), 31);
    expect((await attempt(person.email, PASSWORD)).outcome).toBe('signed_in');
    // The right password starts the count again.
    for (let i = 0; i < 4; i++) expect((await attempt(person.email, `wrong again ${i}`)).outcome).toBe('wrong_credentials');
  });

  it('counts concurrent guesses before checking them: twenty at once get the five free checks between them', async () => {
    const person = await personWithPassword();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(person.email, `parallel guess ${i}`)));
    expect(outcomes.filter((o) => o.outcome === 'wrong_credentials')).toHaveLength(5);
    expect(outcomes.filter((o) => o.outcome === 'blocked')).toHaveLength(15);
    expect(await auditCount('auth.sign_in_failed', person.email)).toBe(5);
  });

  it('writes one audit row per block, however many attempts the block refuses', async () => {
    const person = await personWithPassword();
    for (let i = 0; i < 5; i++) await attempt(person.email, `wrong guess ${i}`);
    for (let i = 0; i < 30; i++) expect((await attempt(person.email, `refused guess ${i}`)).outcome).toBe('blocked');
    expect(await auditCount('auth.sign_in_blocked', person.email)).toBe(1);
    expect(await auditCount('auth.sign_in_failed', person.email)).toBe(5);

    await letTimePass(accountKey(person.email), 31);
    expect((await attempt(person.email, 'one more wrong guess')).outcome).toBe('wrong_credentials');
    for (let i = 0; i < 5; i++) await attempt(person.email, `refused again ${i}`);
    expect(await auditCount('auth.sign_in_blocked', person.email)).toBe(2);
  });

  it('forgets failures with time: guessing at every block\'s end levels off at a few minutes, never the 15-minute ceiling', async () => {
    const person = await personWithPassword();
    const key = accountKey(person.email);
    const blocks: number[] = [];
    // A guesser who tries again the moment each block ends, for a good while.
    for (let guess = 0; blocks.length < 25; guess++) {
      const result = await attempt(person.email, `guess ${guess}`);
      if (result.outcome === 'blocked') {
        blocks.push(result.retryAfterSeconds);
        await letTimePass(key, result.retryAfterSeconds);
      }
    }
    expect(Math.max(...blocks)).toBeLessThanOrEqual(8 * 60);
    expect(blocks.slice(-10).every((seconds) => seconds <= 8 * 60)).toBe(true);

    // So the owner's one typo after a block costs minutes, not a quarter of an hour.
    await attempt(person.email, 'the owner mistypes once');
    const next = await attempt(person.email, PASSWORD);
    expect(next.outcome === 'blocked' && next.retryAfterSeconds).toBeLessThanOrEqual(8 * 60);

    // An hour after the guessing stops, every failure is forgotten: five free tries again.
    await letTimePass(key, 3600 + (next.outcome === 'blocked' ? next.retryAfterSeconds : 0));
    for (let i = 0; i < 4; i++) expect((await attempt(person.email, `later typo ${i}`)).outcome).toBe('wrong_credentials');
    expect((await attempt(person.email, PASSWORD)).outcome).toBe('signed_in');
  });

  it('blocks an address that fails across many accounts, and a success gives its point back', async () => {
    vi.stubEnv('LOGIN_ADDRESS_FAILURES', '4');
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const person = await personWithPassword();
    for (let i = 0; i < 3; i++) expect((await attempt(`nobody-${unique()}@example.test`, 'guess', address)).outcome).toBe('wrong_credentials');
    expect((await attempt(person.email, PASSWORD, address)).outcome).toBe('signed_in');
    expect((await attempt(`nobody-${unique()}@example.test`, 'guess', address)).outcome).toBe('wrong_credentials');
    expect((await attempt(person.email, PASSWORD, address)).outcome).toBe('blocked');
    expect((await attempt(person.email, PASSWORD, randomAddress())).outcome).toBe('signed_in');
  });

  it('answers an unknown email exactly like a wrong password, after the same argon2 check (so in the same time)', async () => {
    const person = await personWithPassword();
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, person.id));
    const passwordHash = row!.passwordHash!;
    const checkedAgainst = async (email: string) => {
      vi.mocked(verifyPassword).mockClear();
      const result = await attempt(email, 'not the password');
      return { result, hashes: vi.mocked(verifyPassword).mock.calls.map(([hash]) => hash) };
    };
    const known = await checkedAgainst(person.email);
    const unknown = await checkedAgainst(`nobody-${unique()}@example.test`);
    expect(unknown.result).toEqual(known.result);
    expect(known.hashes).toEqual([passwordHash]);
    // One verification each, against a hash made with the same argon2 settings: timing
    // the two on a shared machine could not tell them apart reliably (argon2 took
    // 110–220 ms, a whole attempt 130–680 ms at load average 12), this can.
    const settings = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(unknown.hashes).toHaveLength(1);
    expect(unknown.hashes[0]).not.toBe(passwordHash);
    expect(settings(unknown.hashes[0]!)).toBe(settings(passwordHash));
  });

  it('does not sign in a deactivated person, even with the right password', async () => {
    const person = await personWithPassword();
    await db.update(users).set({ active: false }).where(eq(users.id, person.id));
    expect((await attempt(person.email, PASSWORD)).outcome).toBe('wrong_credentials');
  });
});
