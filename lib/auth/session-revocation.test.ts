import { describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { changeOwnPassword, signOutEverywhere } from '@/lib/users/account';
import { changeRole, setUserActive } from '@/lib/users/manage-users';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { createUser } from '@/test/factories';
import { sessionFor, actAs } from '@/test/session';
import { getCurrentUser, revokeCurrentSession } from './current-user';

/** A session (cookie) copied before a change must stop working at the very next request. */
describe('session revocation', () => {
  const setUp = async () => {
    const admin = await createUser({ role: 'admin' });
    const person = await createUser({ role: 'reporter' });
    await db.update(users).set({ passwordHash: await hashPassword('an old but long password') }).where(eq(users.id, person.id));
    const copied = await sessionFor(person.id);
    actAs(copied);
    expect((await getCurrentUser())?.id).toBe(person.id);
    return { admin, person, copied };
  };
  const adminActor = (admin: { id: string }) => ({ actor: { id: admin.id, role: 'admin' as const }, ip: '192.0.2.1' });

  it('ends on deactivation', async () => {
    const { admin, person, copied } = await setUp();
    await setUserActive({ ...adminActor(admin), userId: person.id, active: false });
    actAs(copied);
    expect(await getCurrentUser()).toBeNull();
  });

  it('ends on a role change', async () => {
    const { admin, person, copied } = await setUp();
    await changeRole({ ...adminActor(admin), userId: person.id, role: 'editor' });
    actAs(copied);
    expect(await getCurrentUser()).toBeNull();
    actAs(await sessionFor(person.id));
    expect((await getCurrentUser())?.role).toBe('editor');
  });

  it('ends on a password change', async () => {
    const { person, copied } = await setUp();
    await changeOwnPassword({ actor: { id: person.id, role: 'reporter' }, ip: '192.0.2.1', currentPassword: 'an old but long password', newPassword: 'a brand new long passphrase' });
    actAs(copied);
    expect(await getCurrentUser()).toBeNull();
  });

  it('ends on "sign out everywhere"', async () => {
    const { person, copied } = await setUp();
    await signOutEverywhere({ actor: { id: person.id, role: 'reporter' }, ip: '192.0.2.1' });
    actAs(copied);
    expect(await getCurrentUser()).toBeNull();
  });

  it('ends on signing out, though a copy of the cookie would still verify', async () => {
    const { copied } = await setUp();
    await revokeCurrentSession();
    actAs(copied);
    expect(await getCurrentUser()).toBeNull();
    actAs({ ...copied!, sid: crypto.randomUUID() });
    expect((await getCurrentUser())?.id).toBe(copied!.userId);
  });

  it('ends after the absolute lifetime even when used all along', async () => {
    const { copied } = await setUp();
    actAs({ ...copied!, authTime: copied!.authTime - 13 * 3600 });
    expect(await getCurrentUser()).toBeNull();
  });
});
