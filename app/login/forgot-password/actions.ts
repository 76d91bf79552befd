'use server';

import { after } from 'next/server';
import { z } from 'zod';
import { definePublicAction } from '@/lib/actions/define-action';
import { emailEnabled } from '@/lib/email';
import { RESET_LINK_HOURS, requestPasswordReset } from '@/lib/users/password-reset';

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
