'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { definePublicAction } from '@/lib/actions/define-action';
import { safeNextPath, signInWithPassword } from '@/lib/auth/sign-in';

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
