import 'server-only';
import { revalidateTag } from 'next/cache';
import { forgetArticleAddresses } from '@/lib/reader/article-addresses';
import { cacheTags } from './cache-tags';

/**
 * Expires cached reader data at once (no stale copy is served afterwards), so a published
 * change shows within a second and a withdrawn story survives in no cache.
 */
export function expireTags(...tags: string[]): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}

export function revalidateAuthors(): void {
  expireTags(cacheTags.authors, cacheTags.publishedLists);
}

/** Everything a change to one story's public state can touch, old slugs included. */
export function revalidateStory(story: { id: string; slugs: string[] }): void {
  forgetArticleAddresses();
  expireTags(
    cacheTags.article(story.id),
    ...story.slugs.map((slug) => cacheTags.slug(slug)),
    cacheTags.publishedLists,
    cacheTags.mostPopular,
    cacheTags.corrections,
  );
}
