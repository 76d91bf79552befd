'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { deleteMedia, mediaTextSchema, updateMediaText } from '@/lib/media/manage-media';

export const updateMediaTextAction = defineAction({
  capability: 'media.edit',
  input: mediaTextSchema.extend({ mediaId: z.string().uuid() }),
  async run({ mediaId, ...values }, { user, ip }) {
    await updateMediaText(user, ip, mediaId, values);
    revalidatePath('/newsroom/media');
    return { ok: true, message: 'Saved.' };
  },
});

export const deleteMediaAction = defineAction({
  capability: 'media.delete',
  input: z.object({ mediaId: z.string().uuid() }),
  async run({ mediaId }, { user, ip }) {
    await deleteMedia(user, ip, mediaId);
    revalidatePath('/newsroom/media');
    return { ok: true, message: 'Deleted.' };
  },
});
