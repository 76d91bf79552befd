import Link from 'next/link';
import { formatPublishedTime } from '@/lib/site-time';
import type { NewsroomStory } from '@/lib/workflow/newsroom-queries';
import { STATUS_LABEL } from './status-labels';


function waited(since: Date, now: number): string {
  const minutes = Math.max(0, Math.round((now - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}

type Column = 'status' | 'waiting' | 'scheduled' | 'published' | 'edited' | 'note';

/** A list of newsroom stories with the columns a desk needs. */
export function StoryTable({ stories, columns, caption, now, actions }: { stories: NewsroomStory[]; columns: Column[]; caption: string; now: number; actions?: (story: NewsroomStory) => React.ReactNode }) {
  if (stories.length === 0) return <p className="text-sm text-muted">Nothing here.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-rule text-xs text-muted uppercase">
          <tr>
            <th scope="col" className="py-2 pr-3">Story</th>
            {columns.includes('status') && <th scope="col" className="pr-3">Status</th>}
            {columns.includes('waiting') && <th scope="col" className="pr-3">Waiting</th>}
            {columns.includes('scheduled') && <th scope="col" className="pr-3">Goes out</th>}
            {columns.includes('published') && <th scope="col" className="pr-3">Published</th>}
            {columns.includes('edited') && <th scope="col" className="pr-3">Last change</th>}
            {actions && <th scope="col"><span className="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {stories.map((story) => (
            <tr key={story.id} className="border-b border-rule align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/newsroom/articles/${story.id}`} className="font-semibold hover:underline">{story.headline || 'Untitled'}</Link>
                <span className="block text-xs text-muted">
                  {story.section} · {story.bylines.join(', ')}
                  {story.lockedBy && ` · ${story.lockedBy} is editing`}
                  {story.isLead && ' · Lead story'}
                  {story.topRank && ` · Top story ${story.topRank}`}
                </span>
                {columns.includes('note') && story.status === 'changes_requested' && story.latestNote?.kind === 'changes_requested' && (
                  <span className="mt-1 block rounded border-l-4 border-accent bg-red-50 p-2 text-sm dark:bg-red-950">
                    <strong>{story.latestNote.by ?? 'Editor'}:</strong> {story.latestNote.body}
                  </span>
                )}
              </th>
              {columns.includes('status') && <td className="pr-3">{STATUS_LABEL[story.status]}</td>}
              {columns.includes('waiting') && <td className="pr-3">{story.submittedAt ? waited(story.submittedAt, now) : '—'}</td>}
              {columns.includes('scheduled') && <td className="pr-3">{story.scheduledFor ? formatPublishedTime(story.scheduledFor) : '—'}</td>}
              {columns.includes('published') && <td className="pr-3">{story.publishedAt ? formatPublishedTime(story.publishedAt) : '—'}</td>}
              {columns.includes('edited') && <td className="pr-3">{formatPublishedTime(story.lastEditedAt)}</td>}
              {actions && <td>{actions(story)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
