import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { db } from '@/db/client';
import { DatabaseBusyError } from '@/db/unavailable';
import { revokeSession } from '@/lib/auth/session-revocation';
import { applyTransition } from '@/lib/publishing/apply-transition';
import { setUserActive } from '@/lib/users/manage-users';
import { restoreRevision } from '@/lib/workflow/history';
import { loadStory } from '@/lib/workflow/story-record';
import { createArticle, createUser } from '@/test/factories';
import { waitUntil as until } from '@/test/wait-until';
import { actorOf } from '@/test/stories';
import { collabAccessOf, collabColorOf } from './access';
import { createCollabServer, type CollabServerOptions } from './collab-server';
import { ACCESS_ENDED, SESSION_ENDED, type ServerMessage } from './messages';
import { loadStoredDocument } from './persistence';
import { resyncWhenEditable } from './resync-when-editable';
import { applyTextEdit, draftOfDocument, sharedChoices, sharedText } from './story-document';
import { signCollabToken } from './token';

// Node 20 has no WebSocket client of its own; the provider takes ws's.
const WebSocket: unknown = createRequire(import.meta.url)('ws');
const SECRET = 'collab-test-secret';
const SITE = 'http://localhost:3000';
const servers: ReturnType<typeof createCollabServer>[] = [];
let url = '';

/** A collaboration server on a free port; stopped after the file's tests. */
async function startServer(change: Partial<CollabServerOptions> = {}): Promise<string> {
  const instance = createCollabServer({
    port: 0,
    host: '127.0.0.1',
    secret: SECRET,
    databaseUrl: process.env.DATABASE_URL!,
    recheckMs: 500,
    storeAfterMs: 200,
    storeAtMostMs: 1000,
    allowedOrigins: [SITE],
    ...change,
  });
  servers.push(instance);
  const address = await instance.start();
  return `ws://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  url = await startServer();
});
afterAll(async () => {
  await Promise.all(servers.map((instance) => instance.stop()));
});

type Person = { id: string; role: 'reporter' | 'editor' | 'admin'; sessionVersion: number; displayName?: string };

/** A token as the app would sign it for this person's session. */
const tokenFor = (person: Person, articleId: string, sid: string, mode: 'edit' | 'read' = 'edit') =>
  signCollabToken(
    { userId: person.id, sid, sessionVersion: person.sessionVersion, articleId, mode, name: person.displayName ?? person.id, exp: Math.floor(Date.now() / 1000) + 60 },
    SECRET,
  );

/** A browser's connection: a fresh token at every (re)connection, as the app signs it, and what the server says. */
function join(person: Person, articleId: string, options: { mode?: 'edit' | 'read'; at?: string; token?: string } = {}) {
  const doc = new Y.Doc();
  const messages: ServerMessage[] = [];
  const closes: { code: number; reason: string }[] = [];
  const state = { failed: false, synced: false };
  const sid = randomUUID();
  const provider = new HocuspocusProvider({
    websocketProvider: new HocuspocusProviderWebsocket({ url: options.at ?? url, WebSocketPolyfill: WebSocket }),
    name: articleId,
    document: doc,
    token: () => options.token ?? tokenFor(person, articleId, sid, options.mode),
    onSynced: () => (state.synced = true),
    onAuthenticationFailed: () => (state.failed = true),
    onClose: ({ event }) => closes.push({ code: event.code, reason: event.reason }),
    // As the story editor does (use-shared-story.ts).
    onStateless: ({ payload }) => {
      const message = JSON.parse(payload) as ServerMessage;
      messages.push(message);
      resyncWhenEditable(provider, message);
    },
  });
  provider.attach();
  return { doc, provider, messages, closes, state, sid, leave: () => provider.destroy() };
}


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

  it('refuses an empty token (the app did not answer the page) without logging it, and still logs a forged one', async () => {
    const reporter = await createUser({ role: 'reporter' });
    const story = await createArticle({ authorIds: [reporter.id] });
    const logged = vi.spyOn(console, 'error');
    try {
      const empty = join(reporter, story.id, { token: '' });
      await until(() => empty.state.failed, 'the empty token refused');
      empty.leave();
      expect(logged.mock.calls.filter(([first]) => first === '[onAuthenticate]')).toEqual([]);
      const forged = join(reporter, story.id, { token: 'not-a-token' });
      await until(() => forged.state.failed, 'the forged token refused');
      forged.leave();
      expect(logged.mock.calls.filter(([first]) => first === '[onAuthenticate]')).toEqual([['[onAuthenticate]', 'Invalid or expired token.']]);
    } finally {
      logged.mockRestore();
    }
  });

  it('turns a reporter into a watcher when the story goes to review: their typing no longer reaches the story', async () => {
    const reporter = await createUser({ role: 'reporter' });
    const story = await createArticle({ authorIds: [reporter.id], deck: 'Before review' });
    const b = join(reporter, story.id);
    await until(() => b.state.synced, 'synced');
    await applyTransition(actorOf(reporter), '', story.id, 'submit', { expectedVersion: (await loadStory(db, story.id)).article.version });
    await until(() => b.messages.some((m) => m.type === 'access' && m.mode === 'read'), 'the switch to read-only');
    // Sent after the access messages of the same check, so it may arrive a moment later.
    await until(() => b.messages.some((m) => m.type === 'story-changed'), 'the story-changed message');

    applyTextEdit(sharedText(b.doc, 'deck'), 'Typed in review');
    const watcher = join(await createUser({ role: 'editor' }), story.id);
    await until(() => watcher.state.synced, 'the editor synced');
    await new Promise((r) => setTimeout(r, 500));
    expect(sharedText(watcher.doc, 'deck').toString()).toBe('Before review');
    b.leave();
    watcher.leave();
  });

  it('drops an open connection when its person is deactivated, or is taken off the story’s bylines', async () => {
    const admin = await createUser({ role: 'admin' });
    const creator = await createUser({ role: 'reporter' });
    const coAuthor = await createUser({ role: 'reporter' });
    const deskEditor = await createUser({ role: 'editor' });
    const story = await createArticle({ authorIds: [creator.id, coAuthor.id] });
    const e = join(await createUser({ role: 'editor' }), story.id);
    const c = join(coAuthor, story.id);
    const d = join(deskEditor, story.id);
    await until(() => e.state.synced && c.state.synced && d.state.synced, 'all synced');

    // Deactivated by an admin while the story is open: the page is told its session ended.
    await setUserActive({ actor: actorOf(admin), ip: '', userId: deskEditor.id, active: false });
    await until(() => d.closes.some((close) => close.reason === SESSION_ENDED), 'the deactivated person dropped');

    // An editor takes the co-author off the bylines (in the shared document, as the editor's
    // byline picker does): once that is saved, the co-author may not even read the story.
    sharedChoices(e.doc).set('bylineIds', [creator.id]);
    await until(async () => !(await loadStory(db, story.id)).working.bylineIds.includes(coAuthor.id), 'the bylines saved');
    await until(() => c.closes.some((close) => close.reason === ACCESS_ENDED), 'the co-author dropped');
    expect(e.closes).toEqual([]);
    e.leave();
    c.leave();
    d.leave();
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

describe('the collaboration server’s defences', () => {
  /** Sends raw bytes on a page's socket, as a hostile page could. */
  const sendRaw = (page: ReturnType<typeof join>, bytes: Uint8Array) => page.provider.configuration.websocketProvider.send(bytes);

  it('keeps an invalid document shared but never makes it the working copy, and says why', async () => {
    const editor = await createUser({ role: 'editor' });
    const story = await createArticle({ headline: 'A headline to keep' });
    const a = join(editor, story.id);
    await until(() => a.state.synced, 'synced');
    applyTextEdit(sharedText(a.doc, 'headline'), '');
    await until(() => a.messages.some((m) => m.type === 'invalid'), 'the invalid message');
    const invalid = a.messages.find((m) => m.type === 'invalid')!;
    expect(invalid).toMatchObject({ message: 'Not saved — check the fields.', fieldErrors: { headline: [expect.any(String)] } });
    expect((await loadStory(db, story.id)).working.headline).toBe('A headline to keep');
    // The empty headline is what everyone is editing (it is kept, so nobody's typing is lost)…
    await until(async () => {
      const stored = await loadStoredDocument(story.id);
      const copy = new Y.Doc();
      if (stored) Y.applyUpdate(copy, stored.state);
      return stored !== null && draftOfDocument(copy).headline === '';
    }, 'the stored document');
    // …and the next valid state is saved, with its author.
    applyTextEdit(sharedText(a.doc, 'headline'), 'A better headline');
    await until(async () => (await loadStory(db, story.id)).working.headline === 'A better headline', 'the fixed headline saved');
    a.leave();
  });

  it('ends a connection whose update does not decode, or writes outside the story, and relays none of it', async () => {
    const story = await createArticle({ deck: 'A deck' });
    const a = join(await createUser({ role: 'editor' }), story.id);
    const b = join(await createUser({ role: 'editor' }), story.id);
    await until(() => a.state.synced && b.state.synced, 'both synced');
    const { OutgoingMessage } = await import('@hocuspocus/server');

    const stray = new Y.Doc();
    stray.getText('payload').insert(0, 'x'.repeat(1000));
    sendRaw(a, new OutgoingMessage(story.id).createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(stray)).toUint8Array());
    await until(() => a.closes.some((c) => c.code === 1008), 'the connection ended (policy)');

    const c = join(await createUser({ role: 'editor' }), story.id);
    await until(() => c.state.synced, 'a third page synced');
    sendRaw(c, new OutgoingMessage(story.id).createSyncMessage().writeUpdate(new Uint8Array([9, 200, 200, 200, 200, 1])).toUint8Array());
    await until(() => c.closes.some((close) => close.code === 1007), 'the connection ended (malformed)');

    await new Promise((r) => setTimeout(r, 300));
    expect(b.doc.share.has('payload')).toBe(false);
    a.leave();
    b.leave();
    c.leave();
    await until(async () => (await loadStoredDocument(story.id)) !== null, 'stored');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await loadStoredDocument(story.id))!.state);
    expect(copy.share.has('payload')).toBe(false);
  });

  it('ends a socket that sends more than a page would before authenticating', async () => {
    type RawSocket = { once(event: string, listener: (...args: never[]) => void): void; send(data: Uint8Array): void };
    const Socket = WebSocket as new (address: string) => RawSocket;
    const socket = new Socket(url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    const { OutgoingMessage } = await import('@hocuspocus/server');
    // Hocuspocus would queue all of these, for as many story names as it is sent, until a token came.
    for (let i = 0; i < 2_100; i++) socket.send(new OutgoingMessage(randomUUID()).writeQueryAwareness().toUint8Array());
    expect(await closed).toBe(1008);
  });

  it('refuses a page that is not the site’s, before any WebSocket is opened', async () => {
    type RawSocket = { once(event: string, listener: (...args: never[]) => void): void; close(): void };
    const Socket = WebSocket as new (address: string, options: { headers: Record<string, string> }) => RawSocket;
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = new Socket(url, { headers: { Origin: origin } });
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('error', (error: Error) => resolve(error.message));
      });
    expect(await attempt(SITE)).toBe('open');
    expect(await attempt('https://evil.example')).toMatch(/403/);
    expect(await attempt('null')).toMatch(/403/);
  });

  it('accepts a token once, and not for a session that has been signed out', async () => {
    const editor = await createUser({ role: 'editor' });
    const story = await createArticle();
    const sid = randomUUID();
    const token = tokenFor(editor, story.id, sid);
    const first = join(editor, story.id, { token });
    await until(() => first.state.synced, 'the first connection');
    const replay = join(editor, story.id, { token });
    await until(() => replay.state.failed, 'the replay refused');
    expect(replay.state.synced).toBe(false);
    first.leave();
    replay.leave();

    await revokeSession({ userId: editor.id, sid, authTime: Math.floor(Date.now() / 1000) });
    const afterSignOut = join(editor, story.id, { token: tokenFor(editor, story.id, sid) });
    await until(() => afterSignOut.state.failed, 'the signed-out session refused');
    afterSignOut.leave();
  });

  it('shows each caret under its connection’s verified name, and ends a page that sets another person’s presence', async () => {
    const story = await createArticle();
    const ana = { ...(await createUser({ role: 'editor' })), displayName: 'Ana Editor' };
    const ben = { ...(await createUser({ role: 'admin' })), displayName: 'Ben Admin' };
    const a = join(ana, story.id);
    const b = join(ben, story.id);
    await until(() => a.state.synced && b.state.synced, 'both synced');
    a.provider.setAwarenessField('user', { name: 'The Editor-in-Chief', color: '#000000' });
    b.provider.setAwarenessField('user', { name: 'Ben Admin', color: '#000000' });
    const userOf = (page: ReturnType<typeof join>, clientId: number) => page.provider.awareness!.getStates().get(clientId)?.user as { name: string; color: string } | undefined;
    await until(() => userOf(b, a.doc.clientID) !== undefined && userOf(a, b.doc.clientID) !== undefined, 'each sees the other');
    expect(userOf(b, a.doc.clientID)).toEqual({ name: 'Ana Editor', color: collabColorOf(ana.id) });
    expect(userOf(a, b.doc.clientID)).toEqual({ name: 'Ben Admin', color: collabColorOf(ben.id) });

    const { OutgoingMessage } = await import('@hocuspocus/server');
    const { Awareness } = await import('y-protocols/awareness');
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = b.doc.clientID;
    const forged = new Awareness(forgedDoc);
    // Newer than anything Ben's page has sent, so it would replace his caret.
    for (let i = 0; i < 20; i++) forged.setLocalState({ user: { name: 'Ben Admin', color: '#000000' }, cursor: i });
    sendRaw(a, new OutgoingMessage(story.id).createAwarenessUpdateMessage(forged, [forged.clientID]).toUint8Array());
    await until(() => a.closes.some((c) => c.code === 1008), 'the forger disconnected');
    const held = servers[0]!.server.hocuspocus.documents.get(story.id)!.awareness.getStates().get(b.doc.clientID);
    expect(held).toMatchObject({ user: { name: 'Ben Admin', color: collabColorOf(ben.id) } });
    expect(held?.cursor).toBeUndefined();
    a.leave();
    b.leave();
  });

  it('lets nobody type while their access cannot be checked, and gives typing back when it can', async () => {
    let databaseDown = false;
    const at = await startServer({ recheckMs: 200, accessOf: (session, articleId) => (databaseDown ? Promise.reject(new Error('connection refused')) : collabAccessOf(session, articleId)) });
    const story = await createArticle({ deck: 'Before the outage' });
    const a = join(await createUser({ role: 'editor' }), story.id, { at });
    const b = join(await createUser({ role: 'admin' }), story.id, { at });
    await until(() => a.state.synced && b.state.synced, 'both synced');

    databaseDown = true;
    await until(() => a.messages.some((m) => m.type === 'access' && m.mode === 'read' && m.unconfirmed === true), 'read-only while unconfirmed');
    applyTextEdit(sharedText(a.doc, 'deck'), 'Typed during the outage');
    await new Promise((r) => setTimeout(r, 500));
    expect(sharedText(b.doc, 'deck').toString()).toBe('Before the outage');
    expect(a.closes).toEqual([]);

    databaseDown = false;
    await until(() => a.messages.some((m) => m.type === 'access' && m.mode === 'edit'), 'typing given back');
    await until(() => sharedText(b.doc, 'deck').toString() === 'Typed during the outage', 'the held-back typing delivered');
    a.leave();
    b.leave();
  });

  it('counts typing refused while read-only as saved again once typing is given back and the server holds it', async () => {
    let databaseDown = false;
    const at = await startServer({ recheckMs: 200, accessOf: (session, articleId) => (databaseDown ? Promise.reject(new Error('connection refused')) : collabAccessOf(session, articleId)) });
    const story = await createArticle({ deck: 'Before the outage' });
    const a = join(await createUser({ role: 'editor' }), story.id, { at });
    await until(() => a.state.synced && a.provider.unsyncedChanges === 0, 'synced');

    databaseDown = true;
    await until(() => a.messages.some((m) => m.type === 'access' && m.mode === 'read' && m.unconfirmed === true), 'read-only while unconfirmed');
    // Keystrokes are separate updates, each refused ("not applied"), none counted down.
    for (const deck of ['Typed', 'Typed while', 'Typed while read-only']) applyTextEdit(sharedText(a.doc, 'deck'), deck);
    await new Promise((r) => setTimeout(r, 300));
    expect(a.provider.unsyncedChanges).toBe(3);

    databaseDown = false;
    await until(() => a.messages.some((m) => m.type === 'access' && m.mode === 'edit'), 'typing given back');
    await until(() => a.provider.unsyncedChanges === 0, 'the page’s count of unconfirmed updates back to 0', 5_000);
    await until(async () => (await loadStory(db, story.id)).working.deck === 'Typed while read-only', 'the working copy saved');
    a.leave();
  });

  it('says a store failed because every database connection was busy, so the page can say "busy" rather than "not answering"', async () => {
    let failure: Error | null = null;
    const at = await startServer({ recheckMs: 60_000, accessOf: (session, articleId) => (failure ? Promise.reject(failure) : collabAccessOf(session, articleId)) });
    const story = await createArticle({ deck: 'Before the lock' });
    const a = join(await createUser({ role: 'editor' }), story.id, { at });
    await until(() => a.state.synced, 'synced');

    // As Drizzle wraps it: the pool's time-out is the cause of the failed query.
    failure = Object.assign(new Error('Failed query: select …'), { cause: new DatabaseBusyError(5_000) });
    applyTextEdit(sharedText(a.doc, 'deck'), 'Typed while the pool was busy');
    await until(() => a.messages.some((m) => m.type === 'unsaved'), 'the failed store reported');
    expect(a.messages.find((m) => m.type === 'unsaved')).toEqual({ type: 'unsaved', busy: true });

    failure = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    applyTextEdit(sharedText(a.doc, 'deck'), 'Typed while the database was down');
    await until(() => a.messages.filter((m) => m.type === 'unsaved').length >= 2, 'the second failed store reported');
    expect(a.messages.filter((m) => m.type === 'unsaved')[1]).toEqual({ type: 'unsaved' });
    failure = null;
    await until(async () => (await loadStory(db, story.id)).working.deck === 'Typed while the database was down', 'the retried store', 15_000);
    a.leave();
  });

  it('keeps a story whose store failed loaded after everyone left, and stores it once the database answers (the failure never escapes)', async () => {
    let databaseDown = false;
    const at = await startServer({ recheckMs: 60_000, accessOf: (session, articleId) => (databaseDown ? Promise.reject(new Error('connection refused')) : collabAccessOf(session, articleId)) });
    const { hocuspocus } = servers.at(-1)!.server;
    const story = await createArticle({ deck: 'Before the outage' });
    const a = join(await createUser({ role: 'editor' }), story.id, { at });
    await until(() => a.state.synced, 'synced');

    databaseDown = true;
    applyTextEdit(sharedText(a.doc, 'deck'), 'Typed as the database went down');
    await until(() => a.messages.some((m) => m.type === 'unsaved'), 'the failed store reported');
    a.leave();
    await new Promise((r) => setTimeout(r, 1_000));
    // Unloading now would leave the typing only in the update log, out of the working copy.
    expect(hocuspocus.documents.has(story.id)).toBe(true);

    databaseDown = false;
    await until(async () => (await loadStory(db, story.id)).working.deck === 'Typed as the database went down', 'the retried store', 15_000);
    await until(() => !hocuspocus.documents.has(story.id), 'the story unloaded once stored');
  });

  it('undoes typing that arrives after its author’s session ended, saving none of it under anyone’s name', async () => {
    // A check every minute: the typing lands well inside the window between two checks.
    const at = await startServer({ recheckMs: 60_000 });
    const reporter = await createUser({ role: 'reporter' });
    const editor = await createUser({ role: 'editor' });
    const story = await createArticle({ authorIds: [reporter.id], headline: 'The reporter’s headline', deck: 'A deck' });
    const e = join(editor, story.id, { at });
    const r = join(reporter, story.id, { at });
    await until(() => e.state.synced && r.state.synced, 'both synced');

    await revokeSession({ userId: reporter.id, sid: r.sid, authTime: Math.floor(Date.now() / 1000) });
    applyTextEdit(sharedText(r.doc, 'headline'), 'Typed after signing out');
    await until(() => sharedText(e.doc, 'headline').toString() === 'Typed after signing out', 'the typing reached the editor');
    applyTextEdit(sharedText(e.doc, 'deck'), 'The editor’s deck');

    await until(async () => (await loadStory(db, story.id)).working.deck === 'The editor’s deck', 'the editor’s edit saved');
    const { working } = await loadStory(db, story.id);
    expect(working.headline).toBe('The reporter’s headline');
    expect(working.contributorIds).toEqual([editor.id]);
    await until(() => sharedText(e.doc, 'headline').toString() === 'The reporter’s headline', 'the typing undone for everyone');
    await until(() => r.closes.some((c) => c.reason === 'session-ended'), 'the signed-out page told');
    e.leave();
    r.leave();
  });

  it('refuses updates that would grow a story past its limit', async () => {
    const at = await startServer({ maxDocumentBytes: 64 * 1024 });
    const story = await createArticle();
    const a = join(await createUser({ role: 'editor' }), story.id, { at });
    const b = join(await createUser({ role: 'editor' }), story.id, { at });
    await until(() => a.state.synced && b.state.synced, 'both synced');
    sharedText(a.doc, 'deck').insert(0, 'x'.repeat(80 * 1024));
    await until(() => a.closes.some((c) => c.code === 1009), 'the connection ended (too big)');
    await new Promise((r) => setTimeout(r, 300));
    expect(sharedText(b.doc, 'deck').length).toBeLessThan(1000);
    a.leave();
    b.leave();
  });
});
