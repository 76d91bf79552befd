import { cacheTags } from './tags';

/**
 * Reader responses name the cache tags they were built from, so a CDN in front (Fastly's
 * `Surrogate-Key`, space separated; Cloudflare's and others' `Cache-Tag`, comma separated)
 * can forget exactly the pages a change touches when the purge hook names the same tags
 * (lib/cache/cdn-purge.ts). No 'server-only': next.config.ts uses it for static routes.
 *
 * The keys mirror the tags the pages' cached reads use (lib/reader/, lib/live/); a page's
 * keys must include every tag whose expiry changes what it shows.
 */

/** The longest header value sent. Fastly accepts 16 KB of keys, Cloudflare 16 KB of tags; one KB keeps headers small. */
export const MAX_KEY_HEADER_BYTES = 1_000;

/** What every reader page shows: the header's sections, the paper's name and the breaking-news line. */
const layout = [cacheTags.sections, cacheTags.siteSettings, cacheTags.breakingBanner];

/** Keys of the routes whose keys do not depend on which story they show. */
export const staticRouteKeys = {
  home: [...layout, cacheTags.publishedLists, cacheTags.mostPopular],
  /** Section, author and tag pages, any page of them. */
  list: [...layout, cacheTags.publishedLists, cacheTags.authors],
  corrections: [...layout, cacheTags.corrections, cacheTags.publishedLists],
  search: [...layout, cacheTags.publishedLists],
  /** Feeds and sitemaps. */
  feed: [cacheTags.publishedLists, cacheTags.corrections, cacheTags.sections, cacheTags.authors],
};

/** An article page (a live blog's too) and its live-updates address. */
export function articleKeys(story: { id: string; slug: string }): string[] {
  return [
    ...layout,
    cacheTags.article(story.id),
    cacheTags.slug(story.slug),
    cacheTags.liveBlog(story.id),
    cacheTags.publishedLists,
    cacheTags.mostPopular,
  ];
}

const storySpecific = /^(article|slug|live):/;

/** A tag as a header-safe key: no spaces, commas or non-ASCII (slugs may hold any letter). */
export function cdnKey(tag: string): string {
  return tag.replace(/[^\x21-\x7e]|[,%]/gu, (character) => encodeURIComponent(character));
}

/**
 * The keys as sent, at most MAX_KEY_HEADER_BYTES in either header: past that, the
 * story-specific keys give way to `any-story`, which every story's purge also names.
 */
export function boundedKeys(tags: readonly string[]): string[] {
  const keys = [...new Set(tags.map(cdnKey))];
  if (Buffer.byteLength(keys.join(' ')) <= MAX_KEY_HEADER_BYTES) return keys;
  const broad = [...keys.filter((key) => !storySpecific.test(key)), cacheTags.anyStory];
  // Only a flood of broad keys could still pass the limit; there are a handful.
  return Buffer.byteLength(broad.join(' ')) <= MAX_KEY_HEADER_BYTES ? broad : [cacheTags.anyStory];
}

/** The two headers a CDN reads. */
export function cdnKeyHeaders(tags: readonly string[]): { 'Surrogate-Key': string; 'Cache-Tag': string } {
  const keys = boundedKeys(tags);
  return { 'Surrogate-Key': keys.join(' '), 'Cache-Tag': keys.join(',') };
}

/** The keys a purge names for expired tags: with any story's tag, also `any-story`. */
export function purgeKeys(tags: readonly string[]): string[] {
  const keys = [...new Set(tags.map(cdnKey))];
  if (keys.some((key) => storySpecific.test(key))) keys.push(cacheTags.anyStory);
  return keys;
}
