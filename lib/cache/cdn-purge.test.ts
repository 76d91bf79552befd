import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import { startLiveBlog } from '@/lib/live/manage-live-blog';
import { createUpdate } from '@/lib/live/manage-updates';
import { setBreakingBanner } from '@/lib/live/breaking-banner';
import { applyTransition } from '@/lib/publishing/apply-transition';
import type { TransitionName } from '@/lib/publishing/transitions';
import { updateSection } from '@/lib/sections/manage-sections';
import { createArticle, createSection, createUser, unique } from '@/test/factories';
import { actorOf, versionOf } from '@/test/stories';
import { sendPurge, signPurge, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './cdn-purge';

/** A stand-in for a CDN's purge endpoint: records what arrives, answers as told. */
type Received = { tags: string[]; timestamp: string; signature: string; validSignature: boolean };
const SECRET = `purge-secret-${unique()}`;
const received: Received[] = [];
let answers: number[] = [];
/** How long the receiver takes to answer (a slow or hanging CDN). */
let answerDelayMs = 0;
let server: Server;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const timestamp = String(request.headers[TIMESTAMP_HEADER.toLowerCase()]);
      const signature = String(request.headers[SIGNATURE_HEADER.toLowerCase()]);
      received.push({ tags: (JSON.parse(body) as { tags: string[] }).tags, timestamp, signature, validSignature: signature === signPurge(SECRET, timestamp, body) });
      response.statusCode = answers.shift() ?? 204;
      setTimeout(() => response.end(), answerDelayMs);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  process.env.CDN_PURGE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`;
  process.env.CDN_PURGE_SECRET = SECRET;
  process.env.CDN_PURGE_RETRY_MS = '50';
});
afterAll(async () => {
  delete process.env.CDN_PURGE_URL;
  await new Promise((done) => server.close(done));
});
beforeEach(() => {
  received.length = 0;
  answers = [];
  answerDelayMs = 0;
});

/** The purges that arrive within a few seconds and name `tag` (sent in the background). */
async function purgesNaming(tag: string, count = 1): Promise<Received[]> {
  const deadline = Date.now() + 5_000;
  let matching: Received[] = [];
  while (Date.now() < deadline) {
    matching = received.filter((purge) => purge.tags.includes(tag));
    if (matching.length >= count) return matching;
    await new Promise((done) => setTimeout(done, 20));
  }
  return matching;
}

const IP = '192.0.2.40';

async function transition(articleId: string, name: TransitionName, editor: { id: string; role: 'editor' }) {
  await applyTransition(editor, IP, articleId, name, { expectedVersion: await versionOf(articleId), text: 'Purge test.', minor: false });
}

describe('the CDN purge hook', () => {
  it('sends the tags of every kind of story change, signed', async () => {
    const editor = actorOf(await createUser({ role: 'editor' })) as { id: string; role: 'editor' };
    const story = await createArticle({ status: 'in_review' });
    const storyTags = [`article:${story.id}`, `slug:${story.slug}`, 'published-lists', 'most-popular', 'corrections', 'any-story'];
    for (const step of ['publish', 'publish_update', 'add_correction', 'unpublish'] as const) {
      received.length = 0;
      await transition(story.id, step, editor);
      const [purge] = await purgesNaming(`article:${story.id}`);
      expect(purge, step).toBeDefined();
      expect(purge!.tags.toSorted(), step).toEqual(storyTags.toSorted());
      expect(purge!.validSignature, step).toBe(true);
      expect(Math.abs(Number(purge!.timestamp) - Date.now() / 1000)).toBeLessThan(10);
    }
  });

  it('sends the tags of section, banner and live-blog changes', async () => {
    const admin = actorOf(await createUser({ role: 'admin' }));
    const section = await createSection();
    await updateSection(admin, IP, section.id, { name: `Renamed ${unique()}`, description: '' });
    expect((await purgesNaming('sections'))[0]?.tags.toSorted()).toEqual(['published-lists', 'sections']);

    received.length = 0;
    await setBreakingBanner(admin, IP, { text: `Breaking ${unique()}`, href: '', expiresInMinutes: 30 });
    expect((await purgesNaming('breaking-banner'))[0]?.tags).toEqual(['breaking-banner']);

    const story = await createArticle({ status: 'published' });
    await startLiveBlog({ actor: admin, ip: IP, articleId: story.id });
    received.length = 0;
    await createUpdate({
      actor: admin,
      ip: IP,
      articleId: story.id,
      intent: 'post',
      fields: { headline: '', body: markupToDocument(['The ferry is running again.']), mediaId: null, keyEvent: false, pinned: false, authorIds: [admin.id] },
    });
    const [purge] = await purgesNaming(`live:${story.id}`);
    expect(purge?.tags.toSorted()).toEqual(['any-story', `live:${story.id}`]);
    expect(received.every((each) => each.validSignature)).toBe(true);
  });

  it('never makes the editor wait for a slow CDN', async () => {
    const editor = actorOf(await createUser({ role: 'editor' })) as { id: string; role: 'editor' };
    const story = await createArticle({ status: 'in_review' });
    answerDelayMs = 4_000;
    const started = Date.now();
    await transition(story.id, 'publish', editor);
    const tookMs = Date.now() - started;
    expect(await purgesNaming(`article:${story.id}`)).toHaveLength(1);
    // Had the action waited for the purge's answer, it would have taken the receiver's 4 s.
    expect(tookMs).toBeLessThan(answerDelayMs);
  });

  it('retries after a server error, signing each attempt, and gives up on a refusal', async () => {
    answers = [500, 502];
    expect(await sendPurge(['published-lists'])).toBe(true);
    expect(received.map((each) => each.tags)).toEqual([['published-lists'], ['published-lists'], ['published-lists']]);
    expect(received.every((each) => each.validSignature)).toBe(true);

    received.length = 0;
    answers = [403];
    expect(await sendPurge(['published-lists'])).toBe(false);
    expect(received).toHaveLength(1);
  });
});
