import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PreviewFrame } from '@/components/newsroom/preview-frame';
import { requireUser } from '@/lib/auth/require-user';
import { ForbiddenError } from '@/lib/permissions';
import { getPreviewForStaff } from '@/lib/workflow/preview';

export const metadata: Metadata = { title: 'Preview' };
export const instant = false;

export default async function StaffPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  let preview;
  try {
    preview = await getPreviewForStaff(user, id);
  } catch (error) {
    if (error instanceof ForbiddenError) return <p role="alert">{error.message}</p>;
    notFound();
  }
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
