/**
 * Every cache tag the reader site uses, in one place (no 'server-only': next.config.ts names
 * some of them in CDN headers). Reads tag what they depend on;
 * the workflow invalidates these when a story is published, updated, corrected or withdrawn.
 */
export const cacheTags = {
  /** Any list of published stories: home, sections, authors, tags, feeds, sitemaps, search. */
  publishedLists: 'published-lists',
  article: (articleId: string) => `article:${articleId}`,
  /** A slug's lookup, also when it answers "not found" or "moved". */
  slug: (slug: string) => `slug:${slug}`,
  sections: 'sections',
  authors: 'authors',
  mostPopular: 'most-popular',
  corrections: 'corrections',
  /** The paper's name, tagline, description, logo and share image (admins' Settings). */
  siteSettings: 'site-settings',
  /** A live blog's updates and state: its page, older pages, permalinks, feed and poll answer. */
  liveBlog: (articleId: string) => `live:${articleId}`,
  /** The breaking-news line at the top of every reader page. */
  breakingBanner: 'breaking-banner',
  /**
   * CDN key only: stands for every story-specific key (article, slug, live) of a response
   * whose keys would pass the header limit (lib/cache/cdn-keys.ts). Purged with any story.
   */
  anyStory: 'any-story',
} as const;
