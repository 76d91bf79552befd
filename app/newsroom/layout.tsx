import type { Metadata } from 'next';
import { NewsroomNav } from '@/components/newsroom/newsroom-nav';
import { PageUnavailable } from '@/components/newsroom/page-unavailable';
import { readForPage } from '@/db/unavailable';
import { requireUser } from '@/lib/auth/require-user';
import { countUnreadNotifications } from '@/lib/workflow/newsroom-queries';

export const metadata: Metadata = { title: { default: 'Newsroom', template: '%s | Newsroom' }, robots: { index: false } };

// Every newsroom page depends on who is signed in: render per request, and wait for it.
export const instant = false;

export default async function NewsroomLayout({ children }: { children: React.ReactNode }) {
  // Read here, the person and their unread count are above the newsroom's error boundary
  // (app/newsroom/error.tsx): a database that does not answer is said by this frame.
  const frame = await readForPage(async () => {
    const user = await requireUser();
    return { user, unread: await countUnreadNotifications(user) };
  });
  return (
    <div className="min-h-dvh bg-paper font-sans">
      {frame.ok && <NewsroomNav user={frame.value.user} unread={frame.value.unread} />}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {frame.ok ? children : <PageUnavailable message={frame.message} />}
      </main>
    </div>
  );
}
