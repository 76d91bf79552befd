import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb } from '@/db/client';
import { articleRevisions, articles, corrections } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { isPublic } from './summaries';

export type ReaderCorrection = { id: number; body: string; createdAt: Date; slug: string; headline: string };

/** Every correction on a public story, newest first. */
export async function findCorrections(limit = 200): Promise<ReaderCorrection[]> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.corrections, cacheTags.publishedLists);
  return readerDb
    .select({
      id: corrections.id,
      body: corrections.body,
      createdAt: corrections.createdAt,
      slug: articles.slug,
      headline: articleRevisions.headline,
    })
    .from(corrections)
    .innerJoin(articles, and(eq(articles.id, corrections.articleId), isPublic()))
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .orderBy(desc(corrections.createdAt), desc(corrections.id))
    .limit(limit);
}
