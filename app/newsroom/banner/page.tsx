import type { Metadata } from 'next';
import { BannerForm } from '@/components/newsroom/live/banner-form';
import { requireCapability } from '@/lib/auth/require-user';
import { formatPublishedTime } from '@/lib/site-time';
import { findCurrentBanner } from '@/lib/live/breaking-banner';

export const metadata: Metadata = { title: 'Breaking banner' };
export const instant = false;

export default async function BannerPage() {
  const user = await requireCapability('banner.manage');
  const banner = await findCurrentBanner(user);
  return (
    <div className="grid max-w-3xl gap-8">
      <div>
        <h1 className="text-2xl font-bold">Breaking-news banner</h1>
        <p className="text-muted">One line at the top of every reader page, up within seconds and down in one click.</p>
      </div>
      <BannerForm
        current={
          banner && {
            text: banner.text,
            href: banner.href,
            setBy: banner.setBy,
            since: formatPublishedTime(banner.createdAt),
            until: banner.expiresAt ? formatPublishedTime(banner.expiresAt) : null,
          }
        }
      />
    </div>
  );
}
