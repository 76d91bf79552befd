import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { readerListEntries } from '@/db/schema';
import { findListPage } from '@/lib/reader/lists';
import { createArticle, createSection, createUser } from '@/test/factories';
import { leaveReaderLists, syncReaderLists } from './reader-list-writes';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function positions(listKey: string) {
  const rows = await db
    .select({ articleId: readerListEntries.articleId, position: readerListEntries.position })
    .from(readerListEntries)
    .where(eq(readerListEntries.listKey, listKey))
    .orderBy(asc(readerListEntries.position));
  return rows;
}

describe('reader list numbering', () => {
  it('numbers a section oldest first and pages it newest first, 20 to a page', async () => {
    const section = await createSection();
    const author = await createUser();
    const stories = [];
    for (let i = 45; i >= 1; i--) {
      stories.push(await createArticle({ status: 'published', sectionId: section.id, authorIds: [author.id], publishedAt: minutesAgo(i) }));
    }
    const key = `section:${section.id}`;
    expect((await positions(key)).map((row) => row.position)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));

    const first = await findListPage(key, 1);
    expect(first.totalPages).toBe(3);
    expect(first.items.map((s) => s.id)).toEqual(stories.slice(25).reverse().map((s) => s.id));
    const third = await findListPage(key, 3);
    expect(third.items.map((s) => s.id)).toEqual(stories.slice(0, 5).reverse().map((s) => s.id));
    expect((await findListPage(key, 4)).items).toEqual([]);
    expect((await findListPage(`author:${author.id}`, 2)).items).toHaveLength(20);
  });

  it('slots an older story into date order and leaves a gap when one leaves', async () => {
    const section = await createSection();
    const a = await createArticle({ status: 'published', sectionId: section.id, publishedAt: minutesAgo(30) });
    const c = await createArticle({ status: 'published', sectionId: section.id, publishedAt: minutesAgo(10) });
    const b = await createArticle({ status: 'published', sectionId: section.id, publishedAt: minutesAgo(20) });
    const key = `section:${section.id}`;
    expect((await positions(key)).map((row) => row.articleId)).toEqual([a.id, b.id, c.id]);

    await leaveReaderLists(db, b.id);
    expect(await positions(key)).toEqual([
      { articleId: a.id, position: 1 },
      { articleId: c.id, position: 3 },
    ]);
    expect((await findListPage(key, 1)).items.map((s) => s.id)).toEqual([c.id, a.id]);
  });

  it('moves a story between lists when its section changes', async () => {
    const [from, to] = [await createSection(), await createSection()];
    const story = await createArticle({ status: 'published', sectionId: from.id });
    await syncReaderLists(db, story.id, new Date(), ['all', `section:${to.id}`]);
    const rows = await db
      .select({ listKey: readerListEntries.listKey })
      .from(readerListEntries)
      .where(and(eq(readerListEntries.articleId, story.id)));
    expect(rows.map((r) => r.listKey).sort()).toEqual(['all', `section:${to.id}`].sort());
  });
});
