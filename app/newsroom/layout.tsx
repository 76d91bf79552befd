import type { Metadata } from 'next';
import { NewsroomNav } from '@/components/newsroom/newsroom-nav';
import { requireUser } from '@/lib/auth/require-user';
import { countUnreadNotifications } from '@/lib/workflow/newsroom-queries';

export const metadata: Metadata = { title: { default: 'Newsroom', template: '%s | Newsroom' }, robots: { index: false } };

// Every newsroom page depends on who is signed in: render per request, and wait for it.
export const instant = false;

export default async function NewsroomLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = await countUnreadNotifications(user);
  return (
    <div className="min-h-dvh bg-paper font-sans">
      <NewsroomNav user={user} unread={unread} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
