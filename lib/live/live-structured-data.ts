import 'server-only';
import { absoluteUrl } from '@/lib/config';
import { isoInSiteZone } from '@/lib/site-time';
import type { PublishedArticle } from '@/lib/reader/articles';
import { newsArticleJsonLd } from '@/lib/reader/structured-data';
import type { SiteSettings } from '@/lib/settings/site-settings';
import { updateTitle, type ReaderLiveBlog, type ReaderUpdate } from './reader-live';

/**
 * schema.org LiveBlogPosting: the story's NewsArticle fields plus coverage times and the
 * updates on the first page as BlogPosting entries, as Google documents for live blogs.
 */
export function liveBlogJsonLd(article: PublishedArticle, blog: ReaderLiveBlog, updates: ReaderUpdate[], settings: Pick<SiteSettings, 'name' | 'logo'>) {
  const base = newsArticleJsonLd(article, settings);
  const latest = updates.reduce<Date | null>((a, u) => (!a || (u.editedAt ?? u.postedAt) > a ? (u.editedAt ?? u.postedAt) : a), null);
  return {
    ...base,
    '@type': 'LiveBlogPosting',
    ...(latest && latest > article.modifiedAt && { dateModified: isoInSiteZone(latest) }),
    coverageStartTime: isoInSiteZone(blog.startedAt),
    ...(blog.endedAt && { coverageEndTime: isoInSiteZone(blog.endedAt) }),
    liveBlogUpdate: updates.map((update) => ({
      '@type': 'BlogPosting',
      headline: updateTitle(update).slice(0, 110),
      url: absoluteUrl(`/articles/${article.slug}/updates/${update.id}`),
      datePublished: isoInSiteZone(update.postedAt),
      ...(update.editedAt && { dateModified: isoInSiteZone(update.editedAt) }),
      articleBody: update.bodyText,
      author: update.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absoluteUrl(`/authors/${author.slug}`) })),
    })),
  };
}
