import 'server-only';
import { OutgoingMessage, Server, type Connection, type Document, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { connect } from '@/db/client';
import { isDatabaseBusy } from '@/db/unavailable';
import { ActionError } from '@/lib/errors';
import { collabAccessOf, collabColorOf, type CollabAccess, type CollabSession } from './access';
import { COLLAB_CHANNEL } from './announce';
import { ConnectionEdits, settleEdits } from './edit-ledger';
import { inspectClientMessage, type Refusal } from './message-guard';
import { appendUpdates, createStoredDocument, loadStoredDocument, storeSnapshot } from './persistence';
import { markBeingEdited } from './presence';
import { stampPresence, touchesOthersPresence } from './presence-identity';
import { DEFAULT_REDIS_PREFIX, redisExtension } from './redis';
import { changeOfWorkingCopy } from './working-copy-change';
import { loadWorkingDraft, saveSharedDocument, type SharedSaveOutcome } from './save-shared-document';
import { writeDraftIntoDocument } from './story-document';
import { limitBeforeAuthentication, refuseForeignOrigin } from './socket-guards';
import { StoryQueue } from './story-queue';
import { createTokenLedger, verifyCollabToken } from './token';
import { ACCESS_ENDED, SESSION_ENDED, type ClientMessage, type ServerMessage } from './messages';

/**
 * The largest message a browser may send (the ws default is 100 MiB). A whole long story
 * with its history is well under 1 MB; a bigger frame ends the connection (close code 1009).
 */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/**
 * The largest a story's shared document may grow (text, structure and the tombstones of
 * deleted text). A long, much-edited story is a few MB; past this, updates are refused
 * and their sender disconnected, so nobody can make the server hold, store and relay
 * without bound. Counted from the stored snapshot plus the updates taken since.
 */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

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
  /** The page origins that may open a connection (`collabOrigins`); a request with another `Origin` is refused. */
  allowedOrigins: readonly string[];
  /** MAX_DOCUMENT_BYTES unless set (tests). */
  maxDocumentBytes?: number;
  /** The access check (tests put a failing database in front of it). */
  accessOf?: (session: CollabSession, articleId: string) => Promise<CollabAccess>;
};

/** A connection's person, from its verified token; `confirmed` is false while their access cannot be checked. */
type Context = CollabSession & { name: string; access: CollabAccess; confirmed: boolean };

/** What this server keeps per loaded story besides the document itself. */
type StoryState = {
  /** The working-copy revision the document last wrote or was built from. */
  revisionId: number | null;
  status: string | null;
  /** Each connection's typing, undoable until its access is confirmed (kept after it closes, until saved). */
  edits: Map<Connection, ConnectionEdits>;
  /** The document's size: its last snapshot plus the updates taken since. */
  bytes: number;
  unstamp?: () => void;
  /** Updates not yet appended to the log. */
  pending: Uint8Array[];
  logTimer?: ReturnType<typeof setTimeout>;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** The last store failed: the story stays loaded (even with nobody in it) until a retry stores it. */
  storeFailed: boolean;
  /** Work on one story runs one task at a time (load, store, recheck). */
  queue: StoryQueue;
  lastMarked: number;
  /** A working-copy revision seen once that no collaboration server stored the document as (see recheck). */
  unconfirmedRevisionId?: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOG_AFTER_MS = 50;
const STORE_RETRY_MS = 5_000;
const MARK_EVERY_MS = 30_000;
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
const UPGRADE_REFUSED = null;

const send = (connection: Connection, message: ServerMessage) => connection.sendStateless(JSON.stringify(message));
const contextOf = (connection: Connection) => connection.context as Context;
const broadcast = (document: Document, message: ServerMessage) => document.broadcastStateless(JSON.stringify(message));

/**
 * The collaboration server: Hocuspocus holding each open story's Yjs document.
 * - Only the site's pages may connect (Origin), each with a single-use token the app
 *   signed after checking the story's permissions; the access is checked again on
 *   connect, every `recheckMs`, on every announced story change (PostgreSQL NOTIFY) and
 *   before every save, so signing out, deactivation or a state that forbids someone drops
 *   or downgrades them within seconds, and their typing since the last good check is
 *   undone, never saved. A check that fails leaves everyone watching until one succeeds.
 * - Every browser message is read before it is applied (`message-guard.ts`): an update
 *   outside the story's fields, one that does not decode, or one past the document's size
 *   ends the connection; presence carries the connection's verified name.
 * - Every update is appended to a log in PostgreSQL within ~50 ms; storing the document
 *   (debounced) compacts log and snapshot into one snapshot and saves the working copy
 *   through the same domain function as any save.
 * - A restore (or any change of the working copy made outside the document) is folded
 *   into the document as one change everyone sees.
 */
export function createCollabServer(options: CollabServerOptions) {
  const stories = new Map<string, StoryState>();
  const accessOf = options.accessOf ?? collabAccessOf;
  const redisPrefix = options.redisPrefix ?? DEFAULT_REDIS_PREFIX;
  const redis = options.redisUrl ? redisExtension(options.redisUrl, redisPrefix) : null;
  // With several servers, spent token ids are also kept in Redis (its client is the extension's).
  /** The upgrade requests (one per socket) on which a document has authenticated. */
  const authenticatedSockets = new WeakSet<object>();
  const usedTokens = createTokenLedger(redis ? { setOnce: async (key, ttl) => (await redis.pub.set(`${redisPrefix}:${key}`, '1', 'EX', ttl, 'NX')) === 'OK' } : undefined);
  /** With several servers, one of them folds a given working-copy revision into a story (two would write its text twice). */
  const claimFold = redis ? async (name: string, revisionId: number) => (await redis.pub.set(`${redisPrefix}:fold:${name}:${revisionId}`, '1', 'EX', 3600, 'NX')) === 'OK' : null;
  const listener = connect(options.databaseUrl, { max: 1 });

  const stateOf = (name: string): StoryState => {
    let state = stories.get(name);
    if (!state) {
      state = { revisionId: null, status: null, edits: new Map(), bytes: 0, pending: [], storeFailed: false, queue: new StoryQueue(), lastMarked: 0 };
      stories.set(name, state);
    }
    return state;
  };
  const serial = <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const state = stateOf(name);
    return state.queue.run(task);
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

  /**
   * A fresh access verdict for one connection ('unknown': the check failed). Typing it may
   * no longer do is undone; while its access cannot be confirmed it may only watch (fail
   * closed), and it may type again, with its edits asked for again, once confirmed.
   * `mark`: how many of its edits the check vouches for (counted before it ran).
   */
  const applyAccess = (connection: Connection, verdict: CollabAccess | 'unknown', mark = 0) => {
    const context = contextOf(connection);
    const edits = stories.get(connection.document.name)?.edits.get(connection);
    if (verdict === 'none' || verdict === 'ended') {
      edits?.revert();
      connection.close({ code: 4403, reason: verdict === 'ended' ? SESSION_ENDED : ACCESS_ENDED });
      return;
    }
    if (verdict === 'unknown') {
      if (!context.confirmed) return;
      context.confirmed = false;
      connection.readOnly = true;
      send(connection, { type: 'access', mode: 'read', unconfirmed: true });
      return;
    }
    if (verdict === 'edit') edits?.confirm(mark);
    else edits?.revert();
    const wasReadOnly = connection.readOnly;
    const changed = verdict !== context.access || !context.confirmed;
    context.access = verdict;
    context.confirmed = true;
    connection.readOnly = verdict === 'read';
    if (changed) send(connection, { type: 'access', mode: verdict });
    // Its typing while it could only watch was refused; the page still holds it: ask for it.
    if (wasReadOnly && verdict === 'edit') connection.send(new OutgoingMessage(connection.document.name).createSyncMessage().writeFirstSyncStepFor(connection.document).toUint8Array());
  };

  /** Saves the working copy (when someone typed) and compacts the stored document. */
  const store = (name: string, document: Document): Promise<SharedSaveOutcome> =>
    stateOf(name).queue.store(async () => {
      const state = stateOf(name);
      let outcome: SharedSaveOutcome = { status: 'skipped' };
      try {
        const settled = await settleEdits(
          state.edits.values(),
          (session) => accessOf(session, name),
          (edits, access) => {
            const connection = edits.origin as Connection;
            if (!edits.closed) applyAccess(connection, access);
          },
        );
        clearTimeout(state.logTimer);
        state.pending = [];
        outcome = await saveSharedDocument(name, document, settled);
        if (outcome.status === 'saved') state.revisionId = outcome.revisionId;
        // Only a save says which revision the document now is: another server (REDIS_URL) may have saved a newer one.
        state.bytes = await storeSnapshot(name, document, outcome.status === 'saved' ? outcome.revisionId : null);
        state.storeFailed = false;
      } catch (error) {
        // The database did not take it (or could not confirm who typed): the edits are in
        // this server's memory and every client's; say so, keep the story loaded, and try
        // again shortly (then unload it if everyone has left meanwhile).
        state.storeFailed = true;
        broadcast(document, isDatabaseBusy(error) ? { type: 'unsaved', busy: true } : { type: 'unsaved' });
        clearTimeout(state.retryTimer);
        state.retryTimer = setTimeout(() => {
          if (server.hocuspocus.documents.get(name) !== document) return;
          void store(name, document).then(
            () => server.hocuspocus.unloadDocument(document),
            () => undefined,
          );
        }, STORE_RETRY_MS);
        throw error;
      }
      // Invalid content keeps its contributors for the save that follows the fix.
      if (outcome.status !== 'invalid') {
        for (const [connection, edits] of state.edits) {
          edits.saved();
          if (edits.closed && !edits.typedSinceSave) {
            edits.destroy();
            state.edits.delete(connection);
          }
        }
      }
      if (outcome.status === 'saved') broadcast(document, { type: 'saved', at: outcome.savedAt, version: outcome.version, revisionId: outcome.revisionId });
      if (outcome.status === 'invalid') broadcast(document, { type: 'invalid', message: outcome.message, fieldErrors: outcome.fieldErrors });
      return outcome;
    });

  /** Checks everyone's access again; folds in a working copy changed elsewhere; tells clients when the story changed. */
  const recheck = (name: string, document: Document, announced = false) =>
    serial(name, async () => {
      const state = stateOf(name);
      let working;
      try {
        working = await loadWorkingDraft(name);
      } catch (error) {
        if (error instanceof ActionError) {
          for (const connection of document.getConnections()) connection.close({ code: 4404, reason: 'This story no longer exists.' });
          return;
        }
        for (const connection of document.getConnections()) applyAccess(connection, 'unknown');
        throw error;
      }
      let changed = false;
      if (state.revisionId !== null && working.revisionId !== state.revisionId) {
        try {
          const change = await changeOfWorkingCopy(name, working.revisionId, announced, state.unconfirmedRevisionId, claimFold && ((revisionId) => claimFold(name, revisionId)));
          state.unconfirmedRevisionId = change === 'unconfirmed' ? working.revisionId : undefined;
          // Another server (REDIS_URL) saved this same document, or folds the change: doing it here too would undo typing or write it twice.
          if (change === 'shared-document' || change === 'folded-elsewhere') state.revisionId = working.revisionId;
          if (change === 'outside') {
            console.log(`[collab] story ${name}: folding in working-copy revision ${working.revisionId} (was ${state.revisionId})`);
            writeDraftIntoDocument(document, working.draft);
            state.revisionId = working.revisionId;
            state.bytes = await storeSnapshot(name, document, state.revisionId);
            changed = true;
          }
        } catch (error) {
          // This round's access checks would not run: nobody types until one does (fail closed).
          for (const connection of document.getConnections()) applyAccess(connection, 'unknown');
          throw error;
        }
      }
      if (state.status !== null && state.status !== working.status) changed = true;
      state.status = working.status;
      const connections = document.getConnections();
      const marks = new Map(connections.map((connection) => [connection, state.edits.get(connection)?.unconfirmed ?? 0]));
      const accessBySession = new Map<string, Promise<CollabAccess | 'unknown'>>();
      await Promise.all(
        connections.map(async (connection) => {
          const context = contextOf(connection);
          const key = `${context.userId}:${context.sid}`;
          if (!accessBySession.has(key)) accessBySession.set(key, accessOf(context, name).catch((): 'unknown' => 'unknown'));
          applyAccess(connection, await accessBySession.get(key)!, marks.get(connection));
        }),
      );
      if (changed) broadcast(document, { type: 'story-changed', status: working.status });
    });

  /** The edits of a connection that types, tracked from its first update. */
  const editsOf = (connection: Connection): ConnectionEdits => {
    const state = stateOf(connection.document.name);
    let edits = state.edits.get(connection);
    if (!edits) {
      const { userId, sid, sessionVersion } = contextOf(connection);
      const created = new ConnectionEdits(connection.document, connection, { userId, sid, sessionVersion });
      connection.onClose(() => (created.closed = true));
      state.edits.set(connection, created);
      edits = created;
    }
    return edits;
  };

  /** Why a browser's message must not be applied, or null (read before Hocuspocus applies it). */
  const refusalOf = (connection: Connection, document: Document, data: Uint8Array): Refusal | null => {
    const inspection = inspectClientMessage(data);
    if (inspection.kind === 'refused') return inspection.refusal;
    if (inspection.kind === 'awareness') {
      const others = [...document.connections.values()].filter((other) => other.connection !== connection).map(({ clients, connection: other }) => ({ clients, userId: contextOf(other).userId }));
      if (touchesOthersPresence(document.awareness, inspection.entries, contextOf(connection).userId, others)) return { code: 1008, reason: 'presence-not-yours' };
    }
    if (inspection.kind === 'update' && !connection.readOnly) {
      const state = stateOf(document.name);
      if (state.bytes + inspection.bytes > (options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES)) return { code: 1009, reason: 'story-too-big' };
      state.bytes += inspection.bytes;
      editsOf(connection);
    }
    return null;
  };

  const hooks: Partial<Extension> = {
    async onUpgrade({ request, socket }: { request: { headers: { origin?: string } }; socket: { write(data: string): void; destroy(): void } }) {
      // A rejection without a message stops the upgrade without Hocuspocus logging or rethrowing it.
      if (refuseForeignOrigin(request.headers.origin, options.allowedOrigins, socket)) throw UPGRADE_REFUSED;
    },

    async onAuthenticate({ token, documentName, connectionConfig, request }) {
      if (!UUID.test(documentName)) throw new Error('Unknown story.');
      const claims = verifyCollabToken(token, options.secret, documentName);
      if (!claims) throw new Error('Invalid or expired token.');
      if (!(await usedTokens.claim(claims))) throw new Error('This token was already used.');
      // Checked now, against the database: a token does not outlive its session (signed
      // out, revoked, a new session version, deactivated) or the person's access.
      const access = await accessOf(claims, documentName);
      if (access === 'none' || access === 'ended') throw new Error('Forbidden.');
      connectionConfig.readOnly = access === 'read';
      authenticatedSockets.add(request);
      const context: Context = { userId: claims.userId, sid: claims.sid, sessionVersion: claims.sessionVersion, name: claims.name, access, confirmed: true };
      return context;
    },

    async beforeHandleMessage({ connection, document, update }) {
      const refusal = refusalOf(connection, document, update);
      if (!refusal) return;
      connection.webSocket.close(refusal.code, refusal.reason);
      throw Object.assign(new Error(refusal.reason), refusal);
    },

    async onLoadDocument({ documentName, document }) {
      await serial(documentName, async () => {
        const state = stateOf(documentName);
        const [stored, working] = await Promise.all([loadStoredDocument(documentName), loadWorkingDraft(documentName)]);
        state.status = working.status;
        state.unstamp = stampPresence(document.awareness, (origin) => {
          const connection = document.connections.get(origin as never)?.connection;
          if (!connection) return null;
          const { name, userId } = contextOf(connection);
          return { name, color: collabColorOf(userId) };
        });
        if (!stored) {
          // Built aside and applied only if this server is the first to store it, so two
          // servers never start one story from two unrelated documents.
          const fresh = new Y.Doc();
          writeDraftIntoDocument(fresh, working.draft);
          if (await createStoredDocument(documentName, fresh, working.revisionId)) {
            const update = Y.encodeStateAsUpdate(fresh);
            Y.applyUpdate(document, update);
            state.revisionId = working.revisionId;
            state.bytes = update.length;
            return;
          }
        }
        const current = stored ?? (await loadStoredDocument(documentName))!;
        Y.applyUpdate(document, current.state);
        state.revisionId = current.revisionId;
        state.bytes = current.state.length;
        // Restored (or saved directly) while nobody had it open; with several servers opening it at
        // once, one folds it in and the others receive that through Redis (Redis not answering: fold).
        const restored = current.revisionId !== working.revisionId;
        if (restored && (!claimFold || (await claimFold(documentName, working.revisionId).catch(() => true)))) {
          writeDraftIntoDocument(document, working.draft);
          state.bytes = await storeSnapshot(documentName, document, working.revisionId);
        }
        state.revisionId = working.revisionId;
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
        if (Date.now() - state.lastMarked > MARK_EVERY_MS) {
          state.lastMarked = Date.now();
          void markBeingEdited(documentName, userId).catch(() => undefined);
        }
      }
    },

    async onStoreDocument({ documentName, document }) {
      // Hocuspocus starts these stores without waiting for them: a failure thrown from here
      // would end the process. store() has already told the clients and set its retry.
      await store(documentName, document).catch((error: unknown) => {
        console.error(`Storing story ${documentName} failed; retrying in ${STORE_RETRY_MS / 1000} s:`, error instanceof Error ? error.message : error);
      });
    },

    async beforeUnloadDocument({ documentName }) {
      // Throwing keeps the document loaded: its typing is not yet in the working copy.
      if (stories.get(documentName)?.storeFailed) throw new Error(`Story ${documentName} is kept until it is stored.`);
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
        // Before a workflow step: the working copy must be what the person sees; a store
        // that failed is not ok (the step would carry an older version).
        const requestId = String(message.requestId).slice(0, 64);
        try {
          const outcome = await store(document.name, document);
          const { revisionId, version } = await loadWorkingDraft(document.name);
          send(connection, { type: 'flushed', requestId, ok: outcome.status !== 'invalid', revisionId, version });
        } catch {
          send(connection, { type: 'flushed', requestId, ok: false, revisionId: 0, version: 0 });
        }
      }
    },

    async afterUnloadDocument({ documentName }) {
      await flushLog(documentName);
      const state = stories.get(documentName);
      state?.unstamp?.();
      for (const edits of state?.edits.values() ?? []) edits.destroy();
      stories.delete(documentName);
    },
  };

  // onChange runs ahead of the Redis extension's, which waits for a publish: a flush arriving
  // meanwhile must already count the edit and its author.
  const { onChange, ...serverHooks } = hooks;
  const extensions = [{ priority: 1001, onChange } as Extension, ...(redis ? [redis as unknown as Extension] : [])];

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

  server.webSocketServer.on('connection', (socket: Parameters<typeof limitBeforeAuthentication>[0], request: object) => limitBeforeAuthentication(socket, () => authenticatedSockets.has(request)));

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
