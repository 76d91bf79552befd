import 'server-only';
import { Feed } from 'feed';
import { cacheLife, cacheTag } from 'next/cache';
import { absoluteUrl, site } from '@/lib/config';
import { cacheTags } from '@/lib/cache/tags';
import { xmlSafe } from '@/lib/reader/xml';
import { getLivePage, updateTitle } from './reader-live';

/** RSS 2.0 of a live blog's newest updates, each linking to its permalink. */
export async function buildLiveFeed(story: { id: string; slug: string; headline: string; deck: string }): Promise<string> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.liveBlog(story.id), cacheTags.article(story.id));
  const { updates } = await getLivePage(story.id, null);
  const page = absoluteUrl(`/articles/${story.slug}`);
  const feed = new Feed({
    title: xmlSafe(`${story.headline}: live updates`),
    description: xmlSafe(story.deck || `Live updates from ${site.name}.`),
    id: page,
    link: page,
    language: 'en',
    updated: updates[0]?.editedAt ?? updates[0]?.postedAt ?? new Date(0),
    generator: 'Masthead',
    feedLinks: { rss: absoluteUrl(`/articles/${story.slug}/feed.xml`) },
    copyright: `© ${site.name}`,
    ttl: 1,
  });
  for (const update of updates) {
    const url = absoluteUrl(`/articles/${story.slug}/updates/${update.id}`);
    feed.addItem({
      title: xmlSafe(updateTitle(update)),
      id: url,
      link: url,
      description: xmlSafe(update.bodyText),
      date: update.postedAt,
      author: update.authors.map((author) => ({ name: xmlSafe(author.name) })),
    });
  }
  return feed.rss2();
}
