import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { verifyCredentials } from '@/lib/auth/credentials';
import { ForbiddenError } from '@/lib/permissions';
import { createUser, unique } from '@/test/factories';
import { setPasswordWithToken, updateProfile } from './account';
import { changeRole, inviteUser, setUserActive } from './manage-users';

const as = (user: { id: string; role: 'reporter' | 'editor' | 'admin' }) => ({ actor: { id: user.id, role: user.role }, ip: '192.0.2.9' });

describe('people management', () => {
  it('invites a person whose one-time link sets a password they can sign in with', async () => {
    const admin = await createUser({ role: 'admin' });
    const email = `new-${unique()}@example.test`;
    const invited = await inviteUser({ ...as(admin), email, displayName: 'New Reporter', role: 'reporter' });
    const token = invited.url.split('/').at(-1)!;
    expect(invited.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);

    await expect(setPasswordWithToken({ token, password: 'password1234', ip: '1.2.3.4' })).rejects.toThrow(/commonly used/);
    await expect(setPasswordWithToken({ token, password: 'short', ip: '1.2.3.4' })).rejects.toThrow(/at least 12/);
    await setPasswordWithToken({ token, password: 'correct horse battery staple', ip: '1.2.3.4' });
    expect(await verifyCredentials(email, 'correct horse battery staple')).not.toBeNull();
    await expect(setPasswordWithToken({ token, password: 'another long passphrase', ip: '1.2.3.4' })).rejects.toThrow(/expired or has already been used/);

    const events = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.targetId, invited.userId));
    expect(events.map((e) => e.action).sort()).toEqual(['auth.password_set', 'user.invited']);
  });

  it('never removes the last active admin', async () => {
    const admins = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
    for (const { id } of admins) await db.update(users).set({ role: 'editor' }).where(eq(users.id, id));
    const admin = await createUser({ role: 'admin' });
    await expect(changeRole({ ...as(admin), userId: admin.id, role: 'editor' })).rejects.toThrow(/last active admin/);
    await expect(setUserActive({ ...as(admin), userId: admin.id, active: false })).rejects.toThrow(/last active admin/);
    const second = await createUser({ role: 'admin' });
    await changeRole({ ...as(second), userId: admin.id, role: 'editor' });
    for (const { id } of admins) await db.update(users).set({ role: 'admin' }).where(eq(users.id, id));
  });

  it('lets people edit only their own profile, unless they are admins', async () => {
    const reporter = await createUser({ role: 'reporter' });
    const other = await createUser({ role: 'reporter' });
    const profile = { displayName: 'Changed', slug: `changed-${unique()}`, jobTitle: '', bio: '', photoMediaId: null };
    await expect(updateProfile({ ...as(reporter), userId: other.id, ...profile })).rejects.toBeInstanceOf(ForbiddenError);
    await updateProfile({ ...as(reporter), userId: reporter.id, ...profile });
    await expect(updateProfile({ ...as(other), userId: other.id, ...profile, displayName: 'Other' })).rejects.toThrow(/already uses this address/);
    await expect(inviteUser({ ...as(reporter), email: `x-${unique()}@example.test`, displayName: 'X', role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
