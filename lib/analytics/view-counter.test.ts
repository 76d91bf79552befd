import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/views/route';
import { db } from '@/db/client';
import { dailyViews } from '@/db/schema';
import { network } from '@/lib/config';
import { siteDay } from '@/lib/site-time';
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

const reader = (n: number, userAgent = BROWSER) => ({ address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, userAgent });
let testAddresses = 0;
const freshReader = () => reader(++testAddresses + Math.floor(Math.random() * 1e6));
const hops = network.trustedProxyHops;
afterEach(() => void (network.trustedProxyHops = hops));

describe('view counting', () => {
  it('adds views in batches, once per reader per half hour, and only for public stories', async () => {
    const story = await createArticle({ status: 'published' });
    const draft = await createArticle({ status: 'draft' });
    const [a, b, c] = [freshReader(), freshReader(), freshReader()];
    expect(recordView(story.id, a)).toBe(true);
    expect(recordView(story.id, a)).toBe(false);
    recordView(story.id, b);
    recordView(draft.id, a);
    await flushViews();
    expect(await viewsOf(story.id)).toBe(2);
    expect(await viewsOf(draft.id)).toBe(0);
    recordView(story.id, c);
    await flushViews();
    expect(await viewsOf(story.id)).toBe(3);
  });

  it('counts one address as at most a few readers of a story, whatever browsers it claims to be', async () => {
    const story = await createArticle({ status: 'published' });
    const { address } = freshReader();
    const counted = Array.from({ length: 50 }, (_, i) => recordView(story.id, { address, userAgent: `${BROWSER} build/${i}` }));
    expect(counted.filter(Boolean)).toHaveLength(3);
  });

  it('does not take a made-up X-Forwarded-For as a new reader', async () => {
    const story = await createArticle({ status: 'published' });
    for (let i = 0; i < 40; i++) await beacon(JSON.stringify({ id: story.id }), BROWSER, `203.0.113.${i}`);
    await flushViews();
    expect(await viewsOf(story.id)).toBe(1);
  });

  it('cannot be flushed by fake viewers: a reader who already counted still counts once', async () => {
    network.trustedProxyHops = 1;
    const story = await createArticle({ status: 'published' });
    const { address } = freshReader();
    expect((await beacon(JSON.stringify({ id: story.id }), BROWSER, address)).status).toBe(204);
    // 200,000 fake viewers from one address, each with a browser of its own.
    const attacker = freshReader().address;
    for (let i = 0; i < 200_001; i++) recordView(story.id, { address: attacker, userAgent: `${BROWSER} fake/${i}` });
    await flushViews();
    const before = await viewsOf(story.id);
    expect(before).toBe(1 + 3);
    await beacon(JSON.stringify({ id: story.id }), BROWSER, address);
    await flushViews();
    expect(await viewsOf(story.id)).toBe(before);
  });

  it('cannot be flushed by one address reading a different story each time: it is remembered for a few hundred at most', async () => {
    const story = await createArticle({ status: 'published' });
    const reader = freshReader();
    expect(recordView(story.id, reader)).toBe(true);
    // More (address, story) pairs than the memory holds, all from one address.
    const attacker = freshReader();
    let counted = 0;
    for (let i = 0; i < 200_001; i++) if (recordView(randomUUID(), attacker)) counted++;
    expect(counted).toBe(200);
    // The reader is still remembered: reading again within the half hour does not count.
    expect(recordView(story.id, reader)).toBe(false);
  });

  it('puts a much-read story into Most Popular once the counts are flushed', async () => {
    const story = await createArticle({ status: 'published' });
    for (let n = 0; n < 5000; n++) recordView(story.id, reader(n));
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
