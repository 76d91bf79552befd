import Link from 'next/link';
import { formatPublishedTime } from '@/lib/site-time';
import type { LivePage, ReaderLiveBlog } from '@/lib/live/reader-live';
import { LiveUpdateCard } from './live-update-card';
import { LiveUpdatesNotice } from './live-updates-notice';

/** "LIVE" while coverage is open, or when it ended. */
export function LiveStatus({ blog }: { blog: ReaderLiveBlog }) {
  if (blog.endedAt) {
    return <p className="font-sans text-sm font-bold tracking-wide text-muted uppercase">Live coverage ended</p>;
  }
  return (
    <p className="flex items-center gap-2 font-sans text-sm font-bold tracking-widest text-accent uppercase">
      <span aria-hidden="true" className="inline-block size-2.5 animate-pulse rounded-full bg-accent motion-reduce:animate-none" />
      Live
    </p>
  );
}

type Props = { articleId: string; slug: string; blog: ReaderLiveBlog; page: LivePage; older?: boolean };

/** The live part of a live blog's page: key events, the pinned update, then updates newest first. */
export function LiveBlogStream({ articleId, slug, blog, page, older = false }: Props) {
  const onPage = new Set(page.updates.map((update) => update.id));
  return (
    <section aria-labelledby="live-heading" className="mt-10">
      <h2 id="live-heading" className="sr-only">
        {older ? 'Older updates' : 'Live updates'}
      </h2>
      {blog.endedAt && !older && (
        <p role="note" className="mb-6 rounded border border-rule bg-rule/30 px-4 py-3 font-sans text-sm">
          <strong>Coverage has ended.</strong> This page was last updated live on {formatPublishedTime(blog.endedAt)}.
        </p>
      )}
      {page.keyEvents.length > 0 && (
        <nav aria-labelledby="key-events-heading" className="mb-8 border-l-4 border-accent pl-4 font-sans">
          <h2 id="key-events-heading" className="text-sm font-bold tracking-widest uppercase">Key events</h2>
          <ul className="mt-2 grid gap-1.5 text-sm">
            {page.keyEvents.map((event) => (
              <li key={event.id} className="flex gap-3">
                <span className="w-12 shrink-0 text-muted">{formatPublishedTime(event.postedAt).split(' - ')[1]}</span>
                <a href={onPage.has(event.id) ? `#update-${event.id}` : `/articles/${slug}/updates/${event.id}`} className="underline">
                  {event.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!blog.endedAt && !older && (
        <LiveUpdatesNotice key={`${blog.lastSeq}:${blog.version}`} articleId={articleId} latestSeq={blog.lastSeq} version={blog.version} pollSeconds={blog.pollSeconds} />
      )}
      {page.pinned && <LiveUpdateCard update={page.pinned} slug={slug} label="Pinned" />}
      <div id="live-updates" className="scroll-mt-4">
        {page.updates.length === 0 ? (
          <p className="py-6 font-sans text-muted">{older ? 'No older updates.' : 'The first update will appear here.'}</p>
        ) : (
          page.updates.map((update) => <LiveUpdateCard key={update.id} update={update} slug={slug} />)
        )}
      </div>
      {page.olderBefore !== null && (
        <p className="mt-6 border-t border-rule pt-4 font-sans">
          <Link prefetch={false} href={`/articles/${slug}/updates/before/${page.olderBefore}`} className="font-semibold underline">
            Older updates
          </Link>
        </p>
      )}
    </section>
  );
}
