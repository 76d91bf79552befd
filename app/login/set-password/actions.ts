'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { definePublicAction } from '@/lib/actions/define-action';
import { setPasswordWithToken } from '@/lib/users/account';

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
