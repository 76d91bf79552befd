import type { Metadata } from 'next';
import Link from 'next/link';
import { NotificationsList } from '@/components/newsroom/notifications-list';
import { PlacementForm } from '@/components/newsroom/placement-form';
import { StoryFilterForm } from '@/components/newsroom/story-filter-form';
import { StoryTable } from '@/components/newsroom/story-table';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/permissions';
import { requestTime } from '@/lib/request-context';
import { findSections } from '@/lib/reader/taxonomy';
import { findStaffNames } from '@/lib/users/find-users';
import {
  findBeingEdited,
  findMyStories,
  findNotifications,
  findRecentlyPublished,
  findReviewQueue,
  findScheduled,
  searchNewsroomStories,
  storyFilterSchema,
} from '@/lib/workflow/newsroom-queries';

export const metadata: Metadata = { title: 'Stories' };
export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function NewsroomHome({ searchParams }: Props) {
  const user = await requireUser();
  const raw = await searchParams;
  const filter = storyFilterSchema.parse({ q: first(raw.q), status: first(raw.status), section: first(raw.section), author: first(raw.author) });
  const filtering = Object.values(filter).some(Boolean);
  const editor = can(user, 'article.publish');
  const now = requestTime();
  const [notices, mine, sections, staff, results, queue, scheduled, published, editing] = await Promise.all([
    findNotifications(user),
    findMyStories(user),
    findSections(),
    findStaffNames(user),
    filtering ? searchNewsroomStories(user, filter) : Promise.resolve([]),
    editor ? findReviewQueue(user) : Promise.resolve([]),
    editor ? findScheduled(user) : Promise.resolve([]),
    editor ? findRecentlyPublished(user) : Promise.resolve([]),
    editor ? findBeingEdited(user) : Promise.resolve([]),
  ]);

  return (
    <div className="grid gap-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Stories</h1>
        {can(user, 'article.create') && (
          <Link href="/newsroom/articles/new" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">New story</Link>
        )}
      </div>
      {raw.denied && <p role="alert" className="text-accent">That page is not open to your role.</p>}
      <NotificationsList notices={notices} />
      <section aria-labelledby="find-heading" className="grid gap-3">
        <h2 id="find-heading" className="text-lg font-bold">Find stories</h2>
        <StoryFilterForm filter={filter} sections={sections} staff={staff} />
        {filtering && <StoryTable stories={results} columns={['status', 'edited']} caption="Stories matching the search" now={now} />}
      </section>
      {editor && (
        <>
          <section aria-labelledby="queue-heading" className="grid gap-3">
            <h2 id="queue-heading" className="text-lg font-bold">Review queue <span className="font-normal text-muted">(oldest first)</span></h2>
            <StoryTable stories={queue} columns={['waiting', 'edited']} caption="Stories waiting for review" now={now} />
          </section>
          <section aria-labelledby="scheduled-heading" className="grid gap-3">
            <h2 id="scheduled-heading" className="text-lg font-bold">Scheduled</h2>
            <StoryTable stories={scheduled} columns={['scheduled']} caption="Scheduled stories" now={now} />
          </section>
          <section aria-labelledby="published-heading" className="grid gap-3">
            <h2 id="published-heading" className="text-lg font-bold">Recently published <span className="font-normal text-muted">and the front page</span></h2>
            <StoryTable
              stories={published}
              columns={['published']}
              caption="Recently published stories"
              now={now}
              actions={(story) => (
                <PlacementForm articleId={story.id} headline={story.headline} current={story.isLead ? 'lead' : story.topRank ? `top-${story.topRank}` : 'none'} />
              )}
            />
          </section>
          <section aria-labelledby="editing-heading" className="grid gap-3">
            <h2 id="editing-heading" className="text-lg font-bold">Being edited now</h2>
            <StoryTable stories={editing} columns={['status', 'edited']} caption="Stories open in an editor" now={now} />
          </section>
        </>
      )}
      <section aria-labelledby="mine-heading" className="grid gap-3">
        <h2 id="mine-heading" className="text-lg font-bold">Your stories</h2>
        <StoryTable stories={mine} columns={['status', 'note', 'edited']} caption="Your stories, returned ones first" now={now} />
      </section>
    </div>
  );
}
