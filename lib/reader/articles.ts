import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb } from '@/db/client';
import { articleRevisions, articles, articleTags, corrections, sections, tags, type DocNode } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { imagesIn } from '@/lib/content/sanitize-document';
import { findReaderImages, type ReaderImage } from './images';
import { isPublic, selectSummaries, summaryColumns, toSummaries, type ArticleSummary } from './summaries';

export type { ArticleSummary, Byline } from './summaries';

export type PublishedArticle = ArticleSummary & {
  sectionId: number;
  body: DocNode;
  bodyImages: Record<string, ReaderImage>;
  wordCount: number;
  seoTitle: string;
  seoDescription: string;
  modifiedAt: Date;
  tags: { slug: string; name: string }[];
  corrections: { id: number; body: string; createdAt: Date }[];
};

/** One published story by its current slug, or null (unknown, unpublished or embargoed). */
export async function getPublishedArticleBySlug(slug: string): Promise<PublishedArticle | null> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.slug(slug));
  // The summary's columns and the page's own in one statement, then everything else at once.
  const [row] = await readerDb
    .select({
      ...summaryColumns,
      sectionId: articles.sectionId,
      body: articleRevisions.body,
      wordCount: articleRevisions.wordCount,
      seoTitle: articleRevisions.seoTitle,
      seoDescription: articleRevisions.seoDescription,
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.slug, slug), isPublic()))
    .limit(1);
  if (!row) return null;
  cacheTag(cacheTags.article(row.id));

  const [[summary], tagRows, correctionRows, images] = await Promise.all([
    toSummaries([row]),
    readerDb
      .select({ slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(asc(tags.name)),
    readerDb
      .select({ id: corrections.id, body: corrections.body, createdAt: corrections.createdAt })
      .from(corrections)
      .where(eq(corrections.articleId, row.id))
      .orderBy(asc(corrections.createdAt)),
    findReaderImages(imagesIn(row.body)),
  ]);
  const latestCorrection = correctionRows.at(-1)?.createdAt;
  const modifiedAt = [row.updatedAt, latestCorrection, row.firstPublishedAt]
    .filter((date): date is Date => Boolean(date))
    .reduce((a, b) => (a > b ? a : b));
  return {
    ...summary!,
    sectionId: row.sectionId,
    body: row.body,
    bodyImages: Object.fromEntries(images),
    wordCount: row.wordCount,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    modifiedAt,
    tags: tagRows,
    corrections: correctionRows,
  };
}

/**
 * Newest stories in the same section, for "More in <section>". Cached by section, not by
 * story: one entry serves every story of the section, so a story's first visit finds it
 * made (at a million stories, each first visit made one of its own).
 */
export async function findRelatedArticles(article: { id: string; sectionId: number }, limit = 4): Promise<ArticleSummary[]> {
  const newest = await findNewestInSection(article.sectionId, limit + 1);
  return newest.filter((story) => story.id !== article.id).slice(0, limit);
}

async function findNewestInSection(sectionId: number, count: number): Promise<ArticleSummary[]> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.publishedLists);
  const rows = await selectSummaries()
    .where(and(eq(articles.sectionId, sectionId), isPublic()))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(count);
  return toSummaries(rows);
}
