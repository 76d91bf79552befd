import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { attemptPasswordSignIn } from '@/lib/auth/attempt-sign-in';
import { verifyPassword } from '@/lib/auth/password';
import { createUser, freshAddress, unique } from '@/test/factories';
import { setPasswordWithToken } from './account';
import { issuePasswordLink } from './tokens';

async function linkFor(userId: string, purpose: 'invite' | 'password_reset' = 'invite') {
  const { url } = await issuePasswordLink(db, { userId, purpose, createdBy: null });
  return url.split('/').at(-1)!;
}

const use = (token: string, password: string) =>
  setPasswordWithToken({ token, password, ip: '192.0.2.5' }).then(
    () => 'set' as const,
    (error: Error) => error.message,
  );

describe('a set-password link', () => {
  it('works once, even when used several times at the same moment', async () => {
    const person = await createUser();
    const token = await linkFor(person.id);
    const passwords = Array.from({ length: 6 }, (_, i) => `racing passphrase number ${i} ${unique()}`);
    const answers = await Promise.all(passwords.map((password) => use(token, password)));

    expect(answers.filter((a) => a === 'set')).toHaveLength(1);
    expect(answers.filter((a) => a !== 'set').every((a) => /already been used/.test(a))).toBe(true);
    const [row] = await db.select({ hash: users.passwordHash, version: users.sessionVersion }).from(users).where(eq(users.id, person.id));
    const winner = passwords[answers.indexOf('set')]!;
    expect(await verifyPassword(row!.hash!, winner)).toBe(true);
    expect(row!.version).toBe(person.sessionVersion + 1);
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.password_set'), eq(auditEvents.targetId, person.id)));
    expect(audited).toHaveLength(1);
  });

  it('stays usable after a refused password', async () => {
    const person = await createUser();
    const token = await linkFor(person.id);
    expect(await use(token, 'short')).toMatch(/at least 12/);
    expect(await use(token, `a perfectly good passphrase ${unique()}`)).toBe('set');
    expect(await use(token, `another good passphrase ${unique()}`)).toMatch(/already been used/);
  });

  it('lets a blocked owner back in: the new password works at once', async () => {
    const person = await createUser();
    await db.update(users).set({ passwordHash: 'not a hash anyone can match' }).where(eq(users.id, person.id));
    // Addresses of this test alone: test files run at once on one database, and an address
    // another file had blocked would refuse the stranger's guesses before they counted.
    const [stranger, owner] = [freshAddress(), freshAddress()];
    for (let i = 0; i < 5; i++) await attemptPasswordSignIn({ email: person.email, password: `a stranger's guess ${i}`, address: stranger });
    const newPassword = `the owner's new passphrase ${unique()}`;
    expect((await attemptPasswordSignIn({ email: person.email, password: newPassword, address: owner })).outcome).toBe('blocked');

    expect(await use(await linkFor(person.id, 'password_reset'), newPassword)).toBe('set');
    expect((await attemptPasswordSignIn({ email: person.email, password: newPassword, address: owner })).outcome).toBe('signed_in');
  });
});
