import Link from 'next/link';
import { formatPublishedTime } from '@/lib/site-time';
import type { Notice } from '@/lib/workflow/newsroom-queries';
import { MarkReadButton } from './mark-read-button';

const TEXT: Record<string, string> = {
  submitted: 'submitted for review',
  changes_requested: 'returned with notes',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
  taken_over: 'taken over by',
};

export function NotificationsList({ notices }: { notices: Notice[] }) {
  const unread = notices.filter((n) => !n.read).length;
  return (
    <section aria-labelledby="notices-heading" className="grid gap-2">
      <div className="flex items-center justify-between">
        <h2 id="notices-heading" className="text-lg font-bold">
          Notifications {unread > 0 && <span className="rounded-full bg-accent px-2 text-sm text-paper">{unread} new</span>}
        </h2>
        {unread > 0 && <MarkReadButton />}
      </div>
      {notices.length === 0 ? (
        <p className="text-sm text-muted">Nothing new.</p>
      ) : (
        <ul className="grid gap-1 text-sm">
          {notices.map((n) => (
            <li key={n.id} className={n.read ? 'text-muted' : 'font-semibold'}>
              {n.articleId ? <Link href={`/newsroom/articles/${n.articleId}`} className="underline">{n.headline ?? 'A story'}</Link> : 'A story'}{' '}
              {n.kind === 'taken_over' ? `was taken over by ${n.by ?? 'someone'}` : `was ${TEXT[n.kind]}`}
              {n.kind !== 'taken_over' && n.by && ` by ${n.by}`} · <span className="font-normal">{formatPublishedTime(n.createdAt)}</span>
              {n.message && <span className="block font-normal">{n.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
