import type { Metadata } from 'next';
import Link from 'next/link';
import { PreviewFrame } from '@/components/newsroom/preview-frame';
import { requireUser } from '@/lib/auth/require-user';
import { getPreviewForStaff } from '@/lib/workflow/preview';
import { openStoryPage } from '../open-story-page';
import { PageUnavailable } from '@/components/newsroom/page-unavailable';

export const metadata: Metadata = { title: 'Preview' };
export const instant = false;

export default async function StaffPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const opened = await openStoryPage(params, (id) => getPreviewForStaff(user, id));
  if (opened.kind === 'unavailable') return <PageUnavailable message={opened.message} />;
  if (opened.kind === 'refused') return <p role="alert">{opened.message}</p>;
  const { id, found: preview } = opened;
  return (
    <div className="-mx-4 -my-8">
      <PreviewFrame
        article={preview}
        note={
          <>
            Preview of the working copy — not what readers see now. <Link href={`/newsroom/articles/${id}`} className="underline">Back to the editor</Link>
          </>
        }
      />
    </div>
  );
}
