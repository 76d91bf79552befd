'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/define-action';
import { saveSiteSettings, siteSettingsInput } from '@/lib/settings/save-site-settings';

export const updateSiteSettingsAction = defineAction({
  capability: 'settings.manage',
  input: siteSettingsInput,
  async run(input, { user, ip }) {
    const { changed } = await saveSiteSettings(user, ip, input);
    revalidatePath('/newsroom/settings');
    return { ok: true, message: changed.length === 0 ? 'Nothing changed.' : 'Saved. Reader pages show the new settings now.' };
  },
});
