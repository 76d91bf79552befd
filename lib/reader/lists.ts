import 'server-only';
import { and, desc, eq, gt, lte, max } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb } from '@/db/client';
import { readerListEntries } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { findSummariesByIds, type ArticleSummary } from './summaries';

export const PAGE_SIZE = 20;

export type ListPage = { items: ArticleSummary[]; page: number; totalPages: number };

/**
 * Page `page` (1 = newest) of a reader list: one index range on the list's positions,
 * so page 5,000 costs what page 1 does.
 */
export async function findListPage(listKey: string, page: number, pageSize = PAGE_SIZE): Promise<ListPage> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.publishedLists);
  const [top] = await readerDb
    .select({ position: max(readerListEntries.position) })
    .from(readerListEntries)
    .where(eq(readerListEntries.listKey, listKey));
  const newest = top?.position ?? 0;
  const totalPages = Math.ceil(newest / pageSize);
  if (page < 1 || page > totalPages) return { items: [], page, totalPages };
  const upper = newest - pageSize * (page - 1);
  const rows = await readerDb
    .select({ articleId: readerListEntries.articleId })
    .from(readerListEntries)
    .where(
      and(
        eq(readerListEntries.listKey, listKey),
        lte(readerListEntries.position, upper),
        gt(readerListEntries.position, upper - pageSize),
      ),
    )
    .orderBy(desc(readerListEntries.position));
  return { items: await findSummariesByIds(rows.map((row) => row.articleId)), page, totalPages };
}
