import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { db } from '@/db/client';
import { applyTransition } from '@/lib/publishing/apply-transition';
import { restoreRevision } from '@/lib/workflow/history';
import { loadStory } from '@/lib/workflow/story-record';
import { createArticle, createUser } from '@/test/factories';
import { actorOf } from '@/test/stories';
import { createCollabServer } from './collab-server';
import type { ServerMessage } from './messages';
import { loadStoredDocument } from './persistence';
import { applyTextEdit, draftOfDocument, sharedText } from './story-document';
import { signCollabToken } from './token';

// Node 20 has no WebSocket client of its own; the provider takes ws's.
const WebSocket: unknown = createRequire(import.meta.url)('ws');
const SECRET = 'collab-test-secret';
let server: ReturnType<typeof createCollabServer>;
let url = '';

beforeAll(async () => {
  server = createCollabServer({ port: 0, host: '127.0.0.1', secret: SECRET, databaseUrl: process.env.DATABASE_URL!, recheckMs: 500, storeAfterMs: 200, storeAtMostMs: 1000 });
  const address = await server.start();
  url = `ws://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server?.stop();
});

type Person = { id: string; role: 'reporter' | 'editor' | 'admin'; sessionVersion: number };

/** A browser's connection: a token as the app would sign it, and what the server says. */
function join(person: Person, articleId: string, mode: 'edit' | 'read' = 'edit') {
  const doc = new Y.Doc();
  const messages: ServerMessage[] = [];
  const state = { failed: false, synced: false };
  const token = signCollabToken(
    { userId: person.id, sid: randomUUID(), sessionVersion: person.sessionVersion, articleId, mode, name: person.id, exp: Math.floor(Date.now() / 1000) + 60 },
    SECRET,
  );
  const provider = new HocuspocusProvider({
    websocketProvider: new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket }),
    name: articleId,
    document: doc,
    token,
    onSynced: () => (state.synced = true),
    onAuthenticationFailed: () => (state.failed = true),
    onStateless: ({ payload }) => messages.push(JSON.parse(payload) as ServerMessage),
  });
  provider.attach();
  return { doc, provider, messages, state, leave: () => provider.destroy() };
}

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

describe('the collaboration server', () => {
  it('merges two people’s typing, saves the working copy with both as contributors, and stores a compacted snapshot', async () => {
    const reporter = await createUser({ role: 'reporter' });
    const editor = await createUser({ role: 'editor' });
    const story = await createArticle({ authorIds: [reporter.id], deck: 'A deck' });
    const a = join(editor, story.id);
    const b = join(reporter, story.id);
    await until(() => a.state.synced && b.state.synced, 'both synced');
    expect(sharedText(a.doc, 'deck').toString()).toBe('A deck');

    applyTextEdit(sharedText(a.doc, 'deck'), 'A deck, edited');
    applyTextEdit(sharedText(b.doc, 'deck'), 'Now a deck');
    await until(() => sharedText(a.doc, 'deck').toString() === sharedText(b.doc, 'deck').toString() && sharedText(a.doc, 'deck').length > 12, 'convergence');
    const merged = sharedText(a.doc, 'deck').toString();
    expect(merged).toBe('Now a deck, edited');

    await until(async () => (await loadStory(db, story.id)).working.deck === merged, 'the working copy saved');
    const { working } = await loadStory(db, story.id);
    expect(new Set(working.contributorIds)).toEqual(new Set([reporter.id, editor.id]));
    await until(() => a.messages.some((m) => m.type === 'saved'), 'the saved message');

    a.leave();
    b.leave();
    await until(async () => {
      const stored = await loadStoredDocument(story.id);
      if (!stored) return false;
      const copy = new Y.Doc();
      Y.applyUpdate(copy, stored.state);
      return draftOfDocument(copy).deck === merged;
    }, 'the stored document');
  });

  it('refuses a token for someone who may not see the story, and a forged one', async () => {
    const outsider = await createUser({ role: 'reporter' });
    const story = await createArticle();
    const refused = join(outsider, story.id);
    await until(() => refused.state.failed, 'refusal');
    expect(refused.state.synced).toBe(false);
    refused.leave();
  });

  it('turns a reporter into a watcher when the story goes to review: their typing no longer reaches the story', async () => {
    const reporter = await createUser({ role: 'reporter' });
    const story = await createArticle({ authorIds: [reporter.id], deck: 'Before review' });
    const b = join(reporter, story.id);
    await until(() => b.state.synced, 'synced');
    await applyTransition(actorOf(reporter), '', story.id, 'submit', { expectedVersion: (await loadStory(db, story.id)).article.version });
    await until(() => b.messages.some((m) => m.type === 'access' && m.mode === 'read'), 'the switch to read-only');
    expect(b.messages.some((m) => m.type === 'story-changed')).toBe(true);

    applyTextEdit(sharedText(b.doc, 'deck'), 'Typed in review');
    const watcher = join(await createUser({ role: 'editor' }), story.id);
    await until(() => watcher.state.synced, 'the editor synced');
    await new Promise((r) => setTimeout(r, 500));
    expect(sharedText(watcher.doc, 'deck').toString()).toBe('Before review');
    b.leave();
    watcher.leave();
  });

  it('folds a restored revision into the open document as one change everyone sees', async () => {
    const editor = await createUser({ role: 'editor' });
    const story = await createArticle({ headline: 'The first headline' });
    const firstRevision = (await loadStory(db, story.id)).working.id;
    const a = join(editor, story.id);
    const b = join(await createUser({ role: 'admin' }), story.id);
    await until(() => a.state.synced && b.state.synced, 'both synced');
    applyTextEdit(sharedText(a.doc, 'headline'), 'A later headline');
    await until(async () => (await loadStory(db, story.id)).working.headline === 'A later headline', 'the later save');

    await restoreRevision(actorOf(editor), '', story.id, firstRevision);
    await until(() => sharedText(b.doc, 'headline').toString() === 'The first headline', 'the restore reaching the other page');
    expect(sharedText(a.doc, 'headline').toString()).toBe('The first headline');
    a.leave();
    b.leave();
  });

  it('ends a connection that sends an oversized message, before reading who sent it', async () => {
    type RawSocket = { once(event: string, listener: (...args: never[]) => void): void; send(data: Buffer): void };
    const Socket = WebSocket as new (address: string) => RawSocket;
    const socket = new Socket(url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    socket.send(Buffer.alloc(5 * 1024 * 1024, 1));
    expect(await closed).toBe(1009); // "message too big"
  });
});
