import 'server-only';
import { and, desc, eq, inArray, isNotNull, lte, or, sql, asc } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { db } from '@/db/client';
import {
  articleBylines,
  articleRevisions,
  articles,
  sections,
  users,
  type DocNode,
} from '@/db/schema';
import { cacheTags } from '@/lib/cache-tags';

export type Byline = { name: string; slug: string };

export type ArticleSummary = {
  id: string;
  slug: string;
  headline: string;
  deck: string;
  section: { slug: string; name: string };
  publishedAt: Date;
  bylines: Byline[];
};

export type PublishedArticle = ArticleSummary & {
  body: DocNode;
  updatedAt: Date | null;
  wordCount: number;
};

/** Only published stories whose embargo (if any) has passed are ever shown to readers. */
const isPublic = () =>
  and(
    eq(articles.status, 'published'),
    or(sql`${articles.embargoUntil} is null`, lte(articles.embargoUntil, sql`now()`)),
  );

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articleRevisions.headline,
  deck: articleRevisions.deck,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  publishedAt: articles.publishedAt,
};

type SummaryRow = {
  id: string;
  slug: string;
  headline: string;
  deck: string;
  sectionSlug: string;
  sectionName: string;
  publishedAt: Date | null;
};

async function bylinesFor(articleIds: string[]): Promise<Map<string, Byline[]>> {
  const result = new Map<string, Byline[]>();
  if (articleIds.length === 0) return result;
  const rows = await db
    .select({ articleId: articleBylines.articleId, name: users.displayName, slug: users.slug })
    .from(articleBylines)
    .innerJoin(users, eq(users.id, articleBylines.userId))
    .where(inArray(articleBylines.articleId, articleIds))
    .orderBy(asc(articleBylines.position));
  for (const row of rows) {
    const list = result.get(row.articleId) ?? [];
    list.push({ name: row.name, slug: row.slug });
    result.set(row.articleId, list);
  }
  return result;
}

async function toSummaries(rows: SummaryRow[]): Promise<ArticleSummary[]> {
  const bylines = await bylinesFor(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    deck: row.deck,
    section: { slug: row.sectionSlug, name: row.sectionName },
    publishedAt: row.publishedAt!,
    bylines: bylines.get(row.id) ?? [],
  }));
}

/** The newest published stories, newest first. */
export async function findLatestArticles(limit: number): Promise<ArticleSummary[]> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.publishedLists);
  const rows = await db
    .select(summaryColumns)
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isPublic(), isNotNull(articles.publishedAt)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return toSummaries(rows);
}

/** One published story by its current slug, or null (unknown, unpublished or embargoed). */
export async function getPublishedArticleBySlug(slug: string): Promise<PublishedArticle | null> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.slug(slug));
  const [row] = await db
    .select({
      ...summaryColumns,
      body: articleRevisions.body,
      wordCount: articleRevisions.wordCount,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.slug, slug), isPublic()));
  if (!row) return null;
  cacheTag(cacheTags.article(row.id));
  const [summary] = await toSummaries([row]);
  return { ...summary!, body: row.body, updatedAt: row.updatedAt, wordCount: row.wordCount };
}
