'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { bannerInput, removeBreakingBanner, setBreakingBanner } from '@/lib/live/breaking-banner';
import { changeLiveSettings, endCoverage, startLiveBlog } from '@/lib/live/manage-live-blog';
import { createUpdate, deleteUpdate, editUpdate, setKeyEvent, setPinned } from '@/lib/live/manage-updates';
import { blogRefInput, editUpdateInput, liveSettingsInput, postUpdateInput, toggleInput, updateRefInput } from '@/lib/live/update-fields';

export const startLiveBlogAction = defineAction({
  capability: 'live.manage',
  input: blogRefInput,
  async run({ articleId }, { user, ip }) {
    await startLiveBlog({ actor: user, ip, articleId });
    return { ok: true, message: 'This story is a live blog now. Post the first update below.' };
  },
});

export const postUpdateAction = defineAction<typeof postUpdateInput, { id: number }>({
  capability: 'live.post',
  input: postUpdateInput,
  async run(input, { user, ip }) {
    const { id } = await createUpdate({ actor: user, ip, ...input });
    return { ok: true, message: input.intent === 'post' ? 'Posted: readers see it now.' : 'Draft saved. Only staff can see it.', data: { id } };
  },
});

export const editUpdateAction = defineAction({
  capability: 'live.post',
  input: editUpdateInput,
  async run(input, { user, ip }) {
    await editUpdate({ actor: user, ip, ...input });
    return { ok: true, message: input.intent === 'post' ? 'Posted: readers see it now.' : 'Saved.' };
  },
});

export const deleteUpdateAction = defineAction({
  capability: 'live.post',
  input: updateRefInput,
  async run(input, { user, ip }) {
    await deleteUpdate({ actor: user, ip, ...input });
    return { ok: true, message: 'Deleted: gone from the reader page, the feed and the updates check.' };
  },
});

export const pinUpdateAction = defineAction({
  capability: 'live.manage',
  input: toggleInput,
  async run(input, { user, ip }) {
    await setPinned({ actor: user, ip, ...input });
    return { ok: true, message: input.on ? 'Pinned: shown first.' : 'Unpinned.' };
  },
});

export const keyEventAction = defineAction({
  capability: 'live.post',
  input: toggleInput,
  async run(input, { user, ip }) {
    await setKeyEvent({ actor: user, ip, ...input });
    return { ok: true, message: input.on ? 'Marked as a key event.' : 'No longer a key event.' };
  },
});

export const endCoverageAction = defineAction({
  capability: 'live.manage',
  input: blogRefInput,
  async run({ articleId }, { user, ip }) {
    await endCoverage({ actor: user, ip, articleId });
    return { ok: true, message: 'Coverage has ended. Readers’ pages stop asking for updates.' };
  },
});

export const liveSettingsAction = defineAction({
  capability: 'live.manage',
  input: liveSettingsInput,
  async run(input, { user, ip }) {
    await changeLiveSettings({ actor: user, ip, ...input });
    return { ok: true, message: 'Saved. Readers’ pages pick up the new interval at their next check.' };
  },
});

export const setBannerAction = defineAction({
  capability: 'banner.manage',
  input: bannerInput,
  async run(input, { user, ip }) {
    await setBreakingBanner(user, ip, input);
    return { ok: true, message: 'The banner is up on every reader page.' };
  },
});

export const removeBannerAction = defineAction({
  capability: 'banner.manage',
  input: z.object({}),
  async run(_input, { user, ip }) {
    const removed = await removeBreakingBanner(user, ip);
    return { ok: true, message: removed ? 'The banner is down.' : 'There was no banner up.' };
  },
});
