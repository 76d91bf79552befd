import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/views/route';
import { db } from '@/db/client';
import { dailyViews } from '@/db/schema';
import { siteDay } from '@/lib/dates';
import { createArticle } from '@/test/factories';
import { flushViews, recordView } from './view-counter';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';

async function viewsOf(articleId: string) {
  const [row] = await db
    .select({ views: dailyViews.views })
    .from(dailyViews)
    .where(and(eq(dailyViews.articleId, articleId), eq(dailyViews.day, siteDay(new Date()))));
  return row?.views ?? 0;
}

const beacon = (body: string, userAgent = BROWSER, ip = '203.0.113.7') =>
  POST(new Request('http://localhost/api/views', { method: 'POST', body, headers: { 'user-agent': userAgent, 'x-forwarded-for': ip } }));

describe('view counting', () => {
  it('adds views in batches, once per reader per half hour, and only for public stories', async () => {
    const story = await createArticle({ status: 'published' });
    const draft = await createArticle({ status: 'draft' });
    expect(recordView(story.id, 'reader-a')).toBe(true);
    expect(recordView(story.id, 'reader-a')).toBe(false);
    recordView(story.id, 'reader-b');
    recordView(draft.id, 'reader-a');
    await flushViews();
    expect(await viewsOf(story.id)).toBe(2);
    expect(await viewsOf(draft.id)).toBe(0);
    recordView(story.id, 'reader-c');
    await flushViews();
    expect(await viewsOf(story.id)).toBe(3);
  });

  it('puts a much-read story into Most Popular once the counts are flushed', async () => {
    const story = await createArticle({ status: 'published' });
    for (let reader = 0; reader < 5000; reader++) recordView(story.id, `reader-${reader}`);
    await flushViews();
    const { findMostPopular } = await import('@/lib/reader/popular');
    expect((await findMostPopular()).stories.map((s) => s.slug)).toContain(story.slug);
  });

  it('counts a browser’s beacon, ignores bots, and refuses malformed reports with 400', async () => {
    const story = await createArticle({ status: 'published' });
    expect((await beacon(JSON.stringify({ id: story.id }))).status).toBe(204);
    expect((await beacon(JSON.stringify({ id: story.id }), 'Googlebot/2.1 (+http://www.google.com/bot.html)', '198.51.100.1')).status).toBe(204);
    expect((await beacon(JSON.stringify({ id: story.id }), 'curl/8.0', '198.51.100.2')).status).toBe(204);
    expect((await beacon('not json')).status).toBe(400);
    expect((await beacon(JSON.stringify({ id: "1' or 1=1" }))).status).toBe(400);
    await flushViews();
    expect(await viewsOf(story.id)).toBe(1);
  });
});
