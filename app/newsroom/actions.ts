'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { signOut } from '@/lib/auth/auth';
import { revokeCurrentSession } from '@/lib/auth/current-user';
import { recordAudit } from '@/lib/audit';
import { db } from '@/db/client';
import { signOutEverywhere } from '@/lib/users/account';
import { markNotificationsRead } from '@/lib/workflow/newsroom-queries';

export const signOutAction = defineAction({
  capability: 'account.own',
  input: z.object({}),
  async run(_input, { user, ip }) {
    await revokeCurrentSession();
    await recordAudit(db, { actorId: user.id, action: 'auth.sign_out', targetType: 'user', targetId: user.id, ip });
    await signOut({ redirect: false });
    redirect('/login');
  },
});

export const signOutEverywhereAction = defineAction({
  capability: 'account.own',
  input: z.object({}),
  async run(_input, { user, ip }) {
    await signOutEverywhere({ actor: user, ip });
    await signOut({ redirect: false });
    redirect('/login');
  },
});

export const markNotificationsReadAction = defineAction({
  capability: 'account.own',
  input: z.object({}),
  async run(_input, { user }) {
    await markNotificationsRead(user);
    revalidatePath('/newsroom');
    return { ok: true };
  },
});
