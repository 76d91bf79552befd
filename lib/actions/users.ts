'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { changeRole, inviteUser, issuePasswordReset, setUserActive } from '@/lib/users/manage-users';
import { updateProfile } from '@/lib/users/account';

const role = z.enum(['reporter', 'editor', 'admin']);
const userId = z.string().uuid();

export const inviteUserAction = defineAction({
  capability: 'users.manage',
  input: z.object({
    email: z.string().trim().toLowerCase().email('Enter an email address.').max(320),
    displayName: z.string().trim().min(2, 'Enter the person’s name.').max(120),
    role,
  }),
  async run(input, { user, ip }) {
    const invited = await inviteUser({ actor: user, ip, ...input });
    revalidatePath('/newsroom/users');
    return {
      ok: true,
      message: invited.emailed ? `Invitation emailed to ${input.email}.` : `Invitation created for ${input.email}. Pass on the link below; it works once, for 72 hours.`,
      data: { link: invited.url },
    };
  },
});

export const changeRoleAction = defineAction({
  capability: 'users.manage',
  input: z.object({ userId, role }),
  async run(input, { user, ip }) {
    await changeRole({ actor: user, ip, ...input });
    revalidatePath('/newsroom/users');
    return { ok: true, message: `Role changed to ${input.role}.` };
  },
});

export const setUserActiveAction = defineAction({
  capability: 'users.manage',
  input: z.object({ userId, active: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  async run(input, { user, ip }) {
    if (input.userId === user.id && !input.active) return { ok: false, code: 'invalid', message: 'You cannot deactivate yourself.' };
    await setUserActive({ actor: user, ip, ...input });
    revalidatePath('/newsroom/users');
    return { ok: true, message: input.active ? 'Reactivated.' : 'Deactivated. Their sessions have ended.' };
  },
});

export const issuePasswordResetAction = defineAction({
  capability: 'users.manage',
  input: z.object({ userId }),
  async run(input, { user, ip }) {
    const reset = await issuePasswordReset({ actor: user, ip, ...input });
    return {
      ok: true,
      message: reset.emailed ? 'A reset link was emailed.' : 'Pass on this reset link; it works once, for 72 hours.',
      data: { link: reset.url },
    };
  },
});

/** Own profile for everyone; anyone's for admins (checked again in lib/). */
export const updateProfileAction = defineAction({
  capability: 'account.own',
  input: z.object({
    userId,
    displayName: z.string().trim().min(2, 'Enter a name.').max(120),
    slug: z.string().trim().toLowerCase().min(2).max(80),
    jobTitle: z.string().trim().max(120).default(''),
    bio: z.string().trim().max(2000).default(''),
    photoMediaId: z.string().uuid().or(z.literal('')).default('').transform((v) => v || null),
  }),
  async run(input, { user, ip }) {
    await updateProfile({ actor: user, ip, ...input });
    revalidatePath('/newsroom/account');
    return { ok: true, message: 'Profile saved.' };
  },
});
