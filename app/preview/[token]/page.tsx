import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PreviewFrame } from '@/components/newsroom/preview-frame';
import { getPreviewForToken } from '@/lib/workflow/preview';

export const metadata: Metadata = { title: 'Draft preview', robots: { index: false, follow: false }, referrer: 'no-referrer' };

/** An outside reader's view of one draft, through an expiring signed link. */
export const instant = false;

export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  const preview = await getPreviewForToken((await params).token);
  if (!preview) notFound();
  return <PreviewFrame article={preview} note="Draft preview — not published. Please do not share this link." />;
}
