import Link from 'next/link';
import { formatPublishedTime, isoInSiteZone } from '@/lib/site-time';
import type { ReaderUpdate } from '@/lib/live/reader-live';
import { ArticleBody } from '../article-body';
import { Bylines } from '../bylines';
import { ReaderFigure } from '../reader-image';

/** "15:57" large, "June 19, 2024" small: on a live page the time is what readers scan. */
function UpdateTime({ date }: { date: Date }) {
  const full = formatPublishedTime(date);
  const [day, time] = full.split(' - ');
  return (
    <time dateTime={isoInSiteZone(date)} title={full} className="grid">
      <span className="text-base font-bold text-ink">{time}</span>
      <span className="text-xs text-muted">{day}</span>
    </time>
  );
}

/** One live update for readers: time, marks, headline, picture, text, authors and its own address. */
export function LiveUpdateCard({ update, slug, label }: { update: ReaderUpdate; slug: string; label?: string }) {
  const permalink = `/articles/${slug}/updates/${update.id}`;
  return (
    <article
      id={label ? undefined : `update-${update.id}`}
      aria-labelledby={`update-${update.id}-time${label ? '-pinned' : ''}`}
      data-testid="live-update"
      className={`grid gap-3 border-t-2 py-5 sm:grid-cols-[6.5rem_minmax(0,1fr)] ${update.pinned && label ? 'border-accent' : 'border-rule'}`}
    >
      <div id={`update-${update.id}-time${label ? '-pinned' : ''}`} className="flex items-baseline gap-3 font-sans sm:block">
        <UpdateTime date={update.postedAt} />
        {label && <p className="mt-1 text-xs font-bold tracking-wide text-accent uppercase">{label}</p>}
        {update.keyEvent && <p className="mt-1 text-xs font-bold tracking-wide uppercase">Key event</p>}
      </div>
      <div className="min-w-0">
        {update.headline && <h3 className="font-serif text-2xl leading-snug font-bold">{update.headline}</h3>}
        {update.picture && (
          <div className="mt-3">
            <ReaderFigure image={update.picture} sizes="(min-width: 768px) 560px, 100vw" />
          </div>
        )}
        <div className="mt-2">
          <ArticleBody doc={update.body} images={update.images} />
        </div>
        <p className="mt-3 flex flex-wrap gap-x-3 font-sans text-sm text-muted">
          {update.authors.length > 0 && (
            <span>
              <Bylines bylines={update.authors} />
            </span>
          )}
          {update.editedAt && (
            <span>
              Updated <time dateTime={isoInSiteZone(update.editedAt)}>{formatPublishedTime(update.editedAt).split(' - ')[1]}</time>
            </span>
          )}
          <Link prefetch={false} href={permalink} className="underline">
            Link to this update
          </Link>
        </p>
      </div>
    </article>
  );
}
