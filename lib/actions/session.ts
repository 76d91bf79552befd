'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/db/client';
import { defineAction, definePublicAction } from '@/lib/actions/define-action';
import { recordAudit } from '@/lib/audit/record-audit';
import { signOut } from '@/lib/auth/auth';
import { revokeCurrentSession } from '@/lib/auth/current-user';
import { safeNextPath, signInWithPassword } from '@/lib/auth/sign-in';
import { signOutEverywhere } from '@/lib/users/account';

export const signInAction = definePublicAction({
  input: z.object({
    email: z.string().trim().email('Enter an email address.').max(320),
    password: z.string().min(1, 'Enter your password.').max(1024),
    next: z.string().max(200).optional(),
  }),
  async run({ email, password, next }) {
    await signInWithPassword(email, password);
    redirect(safeNextPath(next));
  },
});

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
