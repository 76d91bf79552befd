'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { signIn } from '@/lib/auth/auth';
import { changeOwnPassword } from '@/lib/users/account';

export const changePasswordAction = defineAction({
  capability: 'account.own',
  input: z
    .object({
      currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
      newPassword: z.string().max(1024),
      confirmPassword: z.string().max(1024),
    })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' }),
  async run(input, { user, ip }) {
    const { email } = await changeOwnPassword({ actor: user, ip, ...input });
    // Every session ended with the change; start a fresh one here so this person stays in.
    await signIn('credentials', { email, password: input.newPassword, redirect: false });
    return { ok: true, message: 'Password changed. You have been signed out everywhere else.' };
  },
});
