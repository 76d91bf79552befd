import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteSettingsForm } from '@/components/newsroom/settings/site-settings-form';
import { requireCapability } from '@/lib/auth/require-user';
import { SETTINGS_LIMITS, SHARE_IMAGE_MIN_WIDTH } from '@/lib/settings/save-site-settings';
import { findSettingsPictures } from '@/lib/settings/settings-pictures';
import { readStoredSettings } from '@/lib/settings/site-settings';
import { site } from '@/lib/config';

export const metadata: Metadata = { title: 'Settings' };
export const instant = false;

export default async function SettingsPage() {
  const user = await requireCapability('settings.manage');
  const stored = await readStoredSettings();
  const pictures = await findSettingsPictures(user, [stored.logoId, stored.shareImageId]);
  return (
    <div className="grid gap-8">
      <div>
        <h1 className="text-2xl font-bold">Site settings</h1>
        <p className="text-muted">
          How the paper presents itself to readers, search engines and social sites. Pictures come from the{' '}
          <Link href="/newsroom/media" className="underline">media library</Link>.
        </p>
      </div>
      <SiteSettingsForm
        values={{ ...stored, logoId: stored.logoId ?? '', shareImageId: stored.shareImageId ?? '' }}
        limits={{ ...SETTINGS_LIMITS, shareImageMinWidth: SHARE_IMAGE_MIN_WIDTH }}
        pictures={pictures}
        timeZone={site.timeZone}
      />
    </div>
  );
}
