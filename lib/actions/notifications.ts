'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { markNotificationsRead } from '@/lib/workflow/newsroom-queries';

export const markNotificationsReadAction = defineAction({
  capability: 'account.own',
  input: z.object({}),
  async run(_input, { user }) {
    await markNotificationsRead(user);
    revalidatePath('/newsroom');
    return { ok: true };
  },
});
