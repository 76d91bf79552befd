import 'server-only';
import { and, desc, eq, gte, inArray, min, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { readerListEntries } from '@/db/schema';

/** The paginated reader lists a live story belongs to. */
export function readerListKeys(story: { sectionId: number; bylineIds: string[]; tagIds: number[] }): string[] {
  return [
    'all',
    `section:${story.sectionId}`,
    ...story.bylineIds.map((id) => `author:${id}`),
    ...story.tagIds.map((id) => `tag:${id}`),
  ];
}

/**
 * Makes a live story a member of exactly `keys`, numbered by `publishedAt`. New stories
 * append (one index lookup); an older story joining a list shifts only the entries newer
 * than it. Leaving a list leaves a gap rather than renumbering the whole list.
 */
export async function syncReaderLists(tx: Executor, articleId: string, publishedAt: Date, keys: string[]): Promise<void> {
  const current = await tx
    .select({ listKey: readerListEntries.listKey, publishedAt: readerListEntries.publishedAt })
    .from(readerListEntries)
    .where(eq(readerListEntries.articleId, articleId));
  const wanted = new Set(keys);
  const stale = current.filter((e) => !wanted.has(e.listKey) || e.publishedAt.getTime() !== publishedAt.getTime());
  if (stale.length > 0) {
    await tx.delete(readerListEntries).where(
      and(eq(readerListEntries.articleId, articleId), inArray(readerListEntries.listKey, stale.map((e) => e.listKey))),
    );
  }
  const kept = new Set(current.filter((e) => !stale.includes(e)).map((e) => e.listKey));
  // Sorted, so that concurrent publishes take the list locks in the same order.
  for (const key of [...wanted].filter((k) => !kept.has(k)).sort()) {
    await addToList(tx, key, articleId, publishedAt);
  }
}

export async function leaveReaderLists(tx: Executor, articleId: string): Promise<void> {
  await tx.delete(readerListEntries).where(eq(readerListEntries.articleId, articleId));
}

async function addToList(tx: Executor, listKey: string, articleId: string, publishedAt: Date): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reader-list:${listKey}`}))`);
  const [last] = await tx
    .select({ position: readerListEntries.position, publishedAt: readerListEntries.publishedAt, articleId: readerListEntries.articleId })
    .from(readerListEntries)
    .where(eq(readerListEntries.listKey, listKey))
    .orderBy(desc(readerListEntries.position))
    .limit(1);
  const newest =
    !last ||
    publishedAt > last.publishedAt ||
    (publishedAt.getTime() === last.publishedAt.getTime() && articleId > last.articleId);
  let position = (last?.position ?? 0) + 1;
  if (!newest) {
    const at = publishedAt.toISOString();
    const [firstNewer] = await tx
      .select({ position: min(readerListEntries.position) })
      .from(readerListEntries)
      .where(
        and(
          eq(readerListEntries.listKey, listKey),
          sql`(${readerListEntries.publishedAt}, ${readerListEntries.articleId}) > (${at}::timestamptz, ${articleId}::uuid)`,
        ),
      );
    position = firstNewer!.position!;
    await tx
      .update(readerListEntries)
      .set({ position: sql`${readerListEntries.position} + 1` })
      .where(and(eq(readerListEntries.listKey, listKey), gte(readerListEntries.position, position)));
  }
  await tx.insert(readerListEntries).values({ listKey, position, articleId, publishedAt });
}
