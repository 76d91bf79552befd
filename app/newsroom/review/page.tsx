import type { Metadata } from 'next';
import { StoryTable } from '@/components/newsroom/story-table';
import { requireCapability } from '@/lib/auth/require-user';
import { requestTime } from '@/lib/request-context';
import { findReviewQueue } from '@/lib/workflow/newsroom-queries';

export const metadata: Metadata = { title: 'Review queue' };
export const instant = false;

export default async function ReviewPage() {
  const user = await requireCapability('article.request_changes');
  const queue = await findReviewQueue(user);
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">Review queue</h1>
      <p className="text-muted">Stories submitted for review, the longest waiting first.</p>
      <StoryTable stories={queue} columns={['waiting', 'edited']} caption="Stories waiting for review" now={requestTime()} />
    </div>
  );
}
