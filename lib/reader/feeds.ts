import 'server-only';
import { Feed } from 'feed';
import { cacheLife, cacheTag } from 'next/cache';
import { absoluteUrl } from '@/lib/config';
import { cacheTags } from '@/lib/cache/tags';
import { getSiteSettings } from '@/lib/settings/site-settings';
import { findListPage } from './lists';
import { xmlSafe } from './xml';
import type { ReaderSection } from './taxonomy';

const FEED_ITEMS = 30;

/** RSS 2.0 for the whole site, or for one section. */
export async function buildRssFeed(section: ReaderSection | null): Promise<string> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.publishedLists, cacheTags.corrections);
  const listKey = section ? `section:${section.id}` : 'all';
  const [{ items }, site] = await Promise.all([findListPage(listKey, 1, FEED_ITEMS), getSiteSettings()]);
  const selfUrl = absoluteUrl(section ? `/sections/${section.slug}/feed.xml` : '/feed.xml');
  const feed = new Feed({
    title: xmlSafe(section ? `${site.name}: ${section.name}` : site.name),
    description: xmlSafe(section?.description || site.description),
    id: absoluteUrl(section ? `/sections/${section.slug}` : '/'),
    link: absoluteUrl(section ? `/sections/${section.slug}` : '/'),
    language: 'en',
    updated: items[0]?.publishedAt ?? new Date(0),
    generator: 'Masthead',
    feedLinks: { rss: selfUrl },
    copyright: `© ${site.name}`,
    ttl: 15,
  });
  for (const story of items) {
    const url = absoluteUrl(`/articles/${story.slug}`);
    feed.addItem({
      title: xmlSafe(story.headline),
      id: url,
      link: url,
      description: xmlSafe(story.deck || story.headline),
      date: story.publishedAt,
      category: [{ name: xmlSafe(story.section.name) }],
    });
  }
  return feed.rss2();
}
