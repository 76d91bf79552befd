import type { ReactNode } from 'react';
import type { ListPage } from '@/lib/reader/lists';
import { Pagination } from './pagination';
import { StoryListItem } from './story-teasers';

type Props = { header: ReactNode; list: ListPage; basePath: string; emptyText: string };

/** The shared shape of section, author and tag pages. */
export function StoryListPage({ header, list, basePath, emptyText }: Props) {
  return (
    <div className="mx-auto max-w-3xl py-8">
      {header}
      {list.items.length === 0 ? (
        <p className="py-10 text-lg text-muted">{emptyText}</p>
      ) : (
        <div className="mt-4">
          {list.items.map((story) => (
            <StoryListItem key={story.id} story={story} />
          ))}
        </div>
      )}
      <Pagination basePath={basePath} page={list.page} totalPages={list.totalPages} />
    </div>
  );
}
