import 'server-only';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { readerDb } from '@/db/client';
import { articleBylines, articleRevisions, articles, sections, users } from '@/db/schema';
import { findReaderImages, type ReaderImage } from './images';

export type Byline = { name: string; slug: string };

export type ArticleSummary = {
  id: string;
  slug: string;
  headline: string;
  deck: string;
  section: { slug: string; name: string };
  /** First publication: what readers see as "Published". */
  publishedAt: Date;
  updatedAt: Date | null;
  bylines: Byline[];
  hero: ReaderImage | null;
};

/** Only published stories whose embargo (if any) has passed are ever shown to readers. */
export const isPublic = () =>
  and(eq(articles.status, 'published'), or(isNull(articles.embargoUntil), lte(articles.embargoUntil, sql`now()`)));

export const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articleRevisions.headline,
  deck: articleRevisions.deck,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  firstPublishedAt: articles.firstPublishedAt,
  updatedAt: articles.updatedAt,
  heroMediaId: articleRevisions.heroMediaId,
};

export type SummaryRow = {
  id: string;
  slug: string;
  headline: string;
  deck: string;
  sectionSlug: string;
  sectionName: string;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
  heroMediaId: string | null;
};

/** Published stories joined to their live revision and section. */
export function selectSummaries() {
  return readerDb
    .select(summaryColumns)
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId));
}

export async function findBylines(articleIds: string[]): Promise<Map<string, Byline[]>> {
  const result = new Map<string, Byline[]>();
  if (articleIds.length === 0) return result;
  const rows = await readerDb
    .select({ articleId: articleBylines.articleId, name: users.displayName, slug: users.slug })
    .from(articleBylines)
    .innerJoin(users, eq(users.id, articleBylines.userId))
    .where(inArray(articleBylines.articleId, articleIds))
    .orderBy(asc(articleBylines.position));
  for (const row of rows) {
    result.set(row.articleId, [...(result.get(row.articleId) ?? []), { name: row.name, slug: row.slug }]);
  }
  return result;
}

/** Rows to summaries, with bylines and hero images in two queries for the whole list. */
export async function toSummaries(rows: SummaryRow[]): Promise<ArticleSummary[]> {
  const [bylines, images] = await Promise.all([
    findBylines(rows.map((row) => row.id)),
    findReaderImages(rows.map((row) => row.heroMediaId)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    deck: row.deck,
    section: { slug: row.sectionSlug, name: row.sectionName },
    publishedAt: row.firstPublishedAt!,
    updatedAt: row.updatedAt,
    bylines: bylines.get(row.id) ?? [],
    hero: row.heroMediaId ? (images.get(row.heroMediaId) ?? null) : null,
  }));
}

/** Summaries of the given stories in the given order, skipping any that are not public. */
export async function findSummariesByIds(ids: string[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await selectSummaries().where(and(inArray(articles.id, ids), isPublic()));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return toSummaries(ids.flatMap((id) => byId.get(id) ?? []));
}
