'use server';

import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { defineAction, definePublicAction } from '@/lib/actions/define-action';
import { signIn } from '@/lib/auth/auth';
import { emailEnabled } from '@/lib/email';
import { changeOwnPassword, setPasswordWithToken } from '@/lib/users/account';
import { RESET_LINK_HOURS, requestPasswordReset } from '@/lib/users/password-reset';

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

/**
 * Public by design. The answer is the same whether or not the address has an account, and
 * the work (looking it up, sending mail) happens after the answer has gone, so neither the
 * words nor the time taken tell a stranger who works here.
 */
export const requestPasswordResetAction = definePublicAction({
  input: z.object({ email: z.string().trim().email('Enter an email address.').max(320) }),
  async run({ email }, { ip }) {
    if (!emailEnabled()) return { ok: false, code: 'failed', message: 'This newsroom does not send email. Ask an admin for a reset link.' };
    after(() => requestPasswordReset({ email, address: ip }).catch((error) => console.error('Password reset failed', error)));
    return {
      ok: true,
      message: `If ${email} belongs to a newsroom account, a link to set a new password is on its way. It works once, for ${RESET_LINK_HOURS} hours.`,
    };
  },
});

/** Public by design: the one-time token in the link is the credential, checked in lib/. */
export const setPasswordAction = definePublicAction({
  input: z
    .object({
      token: z.string().min(20).max(100),
      password: z.string().max(1024),
      confirmPassword: z.string().max(1024),
    })
    .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ.' }),
  async run({ token, password }, { ip }) {
    await setPasswordWithToken({ token, password, ip });
    redirect('/login?password=set');
  },
});
