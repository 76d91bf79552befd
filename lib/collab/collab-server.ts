import 'server-only';
import { Server, type Connection, type Document, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { connect } from '@/db/client';
import { collabAccessOf, type CollabAccess, type CollabSession } from './access';
import { COLLAB_CHANNEL } from './announce';
import { appendUpdates, createStoredDocument, loadStoredDocument, storeSnapshot } from './persistence';
import { markBeingEdited } from './presence';
import { redisExtension } from './redis';
import { changeOfWorkingCopy } from './working-copy-change';
import { loadWorkingDraft, saveSharedDocument, type SharedSaveOutcome } from './save-shared-document';
import { writeDraftIntoDocument } from './story-document';
import { verifyCollabToken } from './token';
import { ACCESS_ENDED, SESSION_ENDED, type ClientMessage, type ServerMessage } from './messages';

/**
 * The largest message a browser may send (the ws default is 100 MiB). A whole long story
 * with its history is well under 1 MB; a bigger frame ends the connection (close code 1009).
 */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export type CollabServerOptions = {
  port: number;
  host: string;
  secret: string;
  databaseUrl: string;
  redisUrl?: string | null;
  /** Redis key and channel prefix (tests keep theirs apart); servers sharing documents must use the same. */
  redisPrefix?: string;
  recheckMs: number;
  /** Quiet time before a document is stored as the working copy, and the longest wait under constant typing. */
  storeAfterMs?: number;
  storeAtMostMs?: number;
};

type Context = CollabSession & { name: string; access: CollabAccess };

/** What this server keeps per loaded story besides the document itself. */
type StoryState = {
  /** The working-copy revision the document last wrote or was built from. */
  revisionId: number | null;
  status: string | null;
  /** People whose typing arrived since the last save. */
  contributors: Set<string>;
  /** Updates not yet appended to the log. */
  pending: Uint8Array[];
  logTimer?: ReturnType<typeof setTimeout>;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** Work on one story runs one task at a time (load, store, restore). */
  queue: Promise<unknown>;
  lastMarked: number;
  /** A working-copy revision seen once that no collaboration server stored the document as (see recheck). */
  unconfirmedRevisionId?: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOG_AFTER_MS = 50;
const STORE_RETRY_MS = 5_000;
const MARK_EVERY_MS = 30_000;
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

const send = (connection: Connection, message: ServerMessage) => connection.sendStateless(JSON.stringify(message));
const broadcast = (document: Document, message: ServerMessage) => document.broadcastStateless(JSON.stringify(message));

/**
 * The collaboration server: Hocuspocus holding each open story's Yjs document.
 * - Connections carry a token the app signed after checking the story's permissions; the
 *   access is checked again on connect and every `recheckMs`, and on every announced
 *   story change (PostgreSQL NOTIFY), so signing out, deactivation or a state that forbids
 *   someone drops or downgrades them within seconds.
 * - Every update is appended to a log in PostgreSQL within ~50 ms; storing the document
 *   (debounced) compacts log and snapshot into one snapshot and saves the working copy
 *   through the same domain function as any save.
 * - A restore (or any change of the working copy made outside the document) is folded
 *   into the document as one change everyone sees.
 */
export function createCollabServer(options: CollabServerOptions) {
  const stories = new Map<string, StoryState>();
  const listener = connect(options.databaseUrl, { max: 1 });

  const stateOf = (name: string): StoryState => {
    let state = stories.get(name);
    if (!state) {
      state = { revisionId: null, status: null, contributors: new Set(), pending: [], queue: Promise.resolve(), lastMarked: 0 };
      stories.set(name, state);
    }
    return state;
  };
  const serial = <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const state = stateOf(name);
    const run = state.queue.then(task, task);
    state.queue = run.catch(() => undefined);
    return run;
  };

  const flushLog = async (name: string) => {
    const state = stories.get(name);
    if (!state || state.pending.length === 0) return;
    clearTimeout(state.logTimer);
    const updates = state.pending.splice(0);
    await appendUpdates(name, updates).catch((error) => {
      state.pending.unshift(...updates);
      console.error('[collab] could not log updates', error);
    });
  };

  /** Saves the working copy (when someone typed) and compacts the stored document. */
  const store = (name: string, document: Document): Promise<SharedSaveOutcome> =>
    serial(name, async () => {
      const state = stateOf(name);
      clearTimeout(state.logTimer);
      state.pending = [];
      const contributors = [...state.contributors];
      state.contributors.clear();
      let outcome: SharedSaveOutcome = { status: 'skipped' };
      try {
        outcome = await saveSharedDocument(name, document, contributors);
        if (outcome.status === 'saved') state.revisionId = outcome.revisionId;
        // Only a save says which revision the document now is: another server (REDIS_URL) may have saved a newer one.
        await storeSnapshot(name, document, outcome.status === 'saved' ? outcome.revisionId : null);
      } catch (error) {
        // The database did not take it: the edits are in this server's memory and every
        // client's; say so, and try again shortly.
        for (const id of contributors) state.contributors.add(id);
        broadcast(document, { type: 'unsaved' });
        clearTimeout(state.retryTimer);
        state.retryTimer = setTimeout(() => {
          if (server.hocuspocus.documents.get(name) === document) void store(name, document).catch(() => undefined);
        }, STORE_RETRY_MS);
        throw error;
      }
      if (outcome.status === 'invalid') for (const id of contributors) state.contributors.add(id);
      if (outcome.status === 'saved') broadcast(document, { type: 'saved', at: outcome.savedAt, version: outcome.version, revisionId: outcome.revisionId });
      if (outcome.status === 'invalid') broadcast(document, { type: 'invalid', message: outcome.message, fieldErrors: outcome.fieldErrors });
      return outcome;
    });

  /** Checks everyone's access again; folds in a working copy changed elsewhere; tells clients when the story changed. */
  const recheck = (name: string, document: Document, announced = false) =>
    serial(name, async () => {
      const state = stateOf(name);
      const working = await loadWorkingDraft(name).catch(() => null);
      if (!working) {
        for (const connection of document.getConnections()) connection.close({ code: 4404, reason: 'This story no longer exists.' });
        return;
      }
      let changed = false;
      if (state.revisionId !== null && working.revisionId !== state.revisionId) {
        const change = await changeOfWorkingCopy(name, working.revisionId, announced, state.unconfirmedRevisionId, Boolean(options.redisUrl));
        state.unconfirmedRevisionId = change === 'unconfirmed' ? working.revisionId : undefined;
        // Another server (REDIS_URL) saved this same document: folding its snapshot in would undo what was typed since.
        if (change === 'shared-document') state.revisionId = working.revisionId;
        if (change === 'outside') {
          console.log(`[collab] story ${name}: folding in working-copy revision ${working.revisionId} (was ${state.revisionId})`);
          writeDraftIntoDocument(document, working.draft);
          state.revisionId = working.revisionId;
          await storeSnapshot(name, document, state.revisionId);
          changed = true;
        }
      }
      if (state.status !== null && state.status !== working.status) changed = true;
      state.status = working.status;
      const accessBySession = new Map<string, Promise<CollabAccess>>();
      await Promise.all(
        document.getConnections().map(async (connection) => {
          const context = connection.context as Context;
          const key = `${context.userId}:${context.sid}`;
          if (!accessBySession.has(key)) accessBySession.set(key, collabAccessOf(context, name).catch((): CollabAccess => context.access));
          const access = await accessBySession.get(key)!;
          if (access === 'none' || access === 'ended') {
            connection.close({ code: 4403, reason: access === 'ended' ? SESSION_ENDED : ACCESS_ENDED });
            return;
          }
          if (access !== context.access) {
            context.access = access;
            connection.readOnly = access === 'read';
            send(connection, { type: 'access', mode: access });
          }
        }),
      );
      if (changed) broadcast(document, { type: 'story-changed', status: working.status });
    });

  const hooks: Partial<Extension> = {
    async onAuthenticate({ token, documentName, connectionConfig }) {
      if (!UUID.test(documentName)) throw new Error('Unknown story.');
      const claims = verifyCollabToken(token, options.secret, documentName);
      if (!claims) throw new Error('Invalid or expired token.');
      const access = await collabAccessOf(claims, documentName);
      if (access === 'none' || access === 'ended') throw new Error('Forbidden.');
      connectionConfig.readOnly = access === 'read';
      const context: Context = { userId: claims.userId, sid: claims.sid, sessionVersion: claims.sessionVersion, name: claims.name, access };
      return context;
    },

    async onLoadDocument({ documentName, document }) {
      await serial(documentName, async () => {
        const state = stateOf(documentName);
        const [stored, working] = await Promise.all([loadStoredDocument(documentName), loadWorkingDraft(documentName)]);
        state.status = working.status;
        if (!stored) {
          // Built aside and applied only if this server is the first to store it, so two
          // servers never start one story from two unrelated documents.
          const fresh = new Y.Doc();
          writeDraftIntoDocument(fresh, working.draft);
          if (await createStoredDocument(documentName, fresh, working.revisionId)) {
            Y.applyUpdate(document, Y.encodeStateAsUpdate(fresh));
            state.revisionId = working.revisionId;
            return;
          }
        }
        const current = stored ?? (await loadStoredDocument(documentName))!;
        Y.applyUpdate(document, current.state);
        state.revisionId = current.revisionId;
        if (current.revisionId !== working.revisionId) {
          // Restored (or saved directly) while nobody had it open.
          writeDraftIntoDocument(document, working.draft);
          state.revisionId = working.revisionId;
          await storeSnapshot(documentName, document, state.revisionId);
        }
      });
      return document;
    },

    async onChange({ documentName, update, transactionOrigin, context }) {
      if (transactionOrigin === REDIS_ORIGIN) return; // logged by the server it came from
      const state = stateOf(documentName);
      state.pending.push(update);
      clearTimeout(state.logTimer);
      state.logTimer = setTimeout(() => void flushLog(documentName), LOG_AFTER_MS);
      const userId = (context as Partial<Context>)?.userId;
      if (userId && transactionOrigin) {
        state.contributors.add(userId);
        if (Date.now() - state.lastMarked > MARK_EVERY_MS) {
          state.lastMarked = Date.now();
          void markBeingEdited(documentName, userId).catch(() => undefined);
        }
      }
    },

    async onStoreDocument({ documentName, document }) {
      await store(documentName, document);
    },

    async onStateless({ connection, document, payload }) {
      let message: ClientMessage;
      try {
        message = JSON.parse(payload) as ClientMessage;
      } catch {
        return;
      }
      if (message.type === 'flush') {
        // Watchers have nothing to store, and may not make the server store on demand.
        if (connection.readOnly) return;
        // Before a workflow step: the working copy must be what the person sees.
        const outcome = await store(document.name, document).catch((): SharedSaveOutcome => ({ status: 'skipped' }));
        const { revisionId, version } = await loadWorkingDraft(document.name);
        send(connection, { type: 'flushed', requestId: String(message.requestId).slice(0, 64), ok: outcome.status !== 'invalid', revisionId, version });
      }
    },

    async afterUnloadDocument({ documentName }) {
      await flushLog(documentName);
      stories.delete(documentName);
    },
  };

  // onChange runs ahead of the Redis extension's, which waits for a publish: a flush arriving
  // meanwhile must already count the edit and its author.
  const { onChange, ...serverHooks } = hooks;
  const extensions = [{ priority: 1001, onChange } as Extension, ...(options.redisUrl ? [redisExtension(options.redisUrl, options.redisPrefix)] : [])];

  const server = new Server({
    name: 'masthead-collab',
    port: options.port,
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeAfterMs ?? 2_000,
    maxDebounce: options.storeAtMostMs ?? 10_000,
    extensions,
    ...serverHooks,
  }, { maxPayload: MAX_MESSAGE_BYTES });

  let timer: ReturnType<typeof setInterval> | undefined;
  const recheckAll = () => {
    for (const [name, document] of server.hocuspocus.documents) void recheck(name, document).catch((error) => console.error('[collab] recheck failed', error));
  };

  return {
    server,
    async start() {
      // Server.listen() passes the address as `address`, which Node ignores (it binds every
      // interface); listen with `host` so COLLAB_HOST is honoured.
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once('error', reject);
        server.httpServer.listen({ port: options.port, host: options.host }, () => resolve());
      });
      await listener.client.listen(COLLAB_CHANNEL, (articleId) => {
        const document = server.hocuspocus.documents.get(articleId);
        if (document) void recheck(articleId, document, true).catch((error) => console.error('[collab] recheck failed', error));
      });
      timer = setInterval(recheckAll, options.recheckMs);
      return server.address;
    },
    /** Stores every open document, then closes: clients reconnect to the next server by themselves. */
    async stop() {
      clearInterval(timer);
      await Promise.all([...server.hocuspocus.documents].map(([name, document]) => store(name, document).catch(() => flushLog(name))));
      await server.destroy();
      await listener.client.end({ timeout: 2 });
    },
  };
}
