import 'server-only';
import { Server, type Extension } from '@hocuspocus/server';
import { connect } from '@/db/client';
import { collabAccessOf, type CollabAccess, type CollabSession } from './access';
import { createAccessRecheck, scheduleRechecks } from './access-recheck';
import { createAccessApplier } from './connection-access';
import { createConnectionAdmission } from './connection-admission';
import { createMessageRefusal } from './message-refusal';
import { DEFAULT_REDIS_PREFIX } from './redis';
import { shareThroughRedis } from './redis-sharing';
import { createStoryLoading } from './story-loading';
import { createStoryStates } from './story-states';
import { createStoryStoring } from './story-storing';
import { createTokenLedger } from './token';
import { createUpdateLog } from './update-log';

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

/**
 * The collaboration server: Hocuspocus holding each open story's Yjs document, assembled
 * from its parts.
 * - Only the site's pages may connect (Origin), each with a single-use token the app
 *   signed after checking the story's permissions (`connection-admission.ts`); the access
 *   is checked again on connect, every `recheckMs`, on every announced story change
 *   (PostgreSQL NOTIFY) (`access-recheck.ts`) and before every save, so signing out,
 *   deactivation or a state that forbids someone drops or downgrades them within seconds,
 *   and their typing since the last good check is undone, never saved
 *   (`connection-access.ts`). A check that fails leaves everyone watching until one succeeds.
 * - Every browser message is read before it is applied (`message-refusal.ts`): an update
 *   outside the story's fields, one that does not decode, or one past the document's size
 *   ends the connection; presence carries the connection's verified name.
 * - Every update is appended to a log in PostgreSQL within ~50 ms (`update-log.ts`);
 *   storing the document (debounced) compacts log and snapshot into one snapshot and saves
 *   the working copy through the same domain function as any save (`story-storing.ts`).
 * - A restore (or any change of the working copy made outside the document) is folded
 *   into the document as one change everyone sees (`story-loading.ts`, `access-recheck.ts`).
 * - With REDIS_URL, servers share documents, spent tokens and folds (`redis-sharing.ts`).
 */
export function createCollabServer(options: CollabServerOptions) {
  const stories = createStoryStates();
  const accessOf = options.accessOf ?? collabAccessOf;
  const redis = options.redisUrl ? shareThroughRedis(options.redisUrl, options.redisPrefix ?? DEFAULT_REDIS_PREFIX) : null;
  const claimFold = redis?.claimFold ?? null;
  const listener = connect(options.databaseUrl, { max: 1 });

  const applyAccess = createAccessApplier(stories);
  const admission = createConnectionAdmission({ secret: options.secret, allowedOrigins: options.allowedOrigins, usedTokens: createTokenLedger(redis?.tokenStore), accessOf });
  const updateLog = createUpdateLog(stories);
  const storing = createStoryStoring({ stories, accessOf, applyAccess, hocuspocus: () => server.hocuspocus });
  const recheck = createAccessRecheck({ stories, accessOf, applyAccess, claimFold });

  const hooks: Partial<Extension> = {
    ...admission.hooks,
    ...createMessageRefusal(stories, options.maxDocumentBytes ?? MAX_DOCUMENT_BYTES),
    ...createStoryLoading({ stories, claimFold, flushLog: updateLog.flush }),
    ...storing.hooks,
  };
  // onChange runs ahead of the Redis extension's, which waits for a publish: a flush arriving
  // meanwhile must already count the edit and its author.
  const extensions = [{ priority: 1001, ...updateLog.hooks } as Extension, ...(redis ? [redis.extension as unknown as Extension] : [])];

  const server = new Server({
    name: 'masthead-collab',
    port: options.port,
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeAfterMs ?? 2_000,
    maxDebounce: options.storeAtMostMs ?? 10_000,
    extensions,
    ...hooks,
  }, { maxPayload: MAX_MESSAGE_BYTES });

  server.webSocketServer.on('connection', admission.limitBeforeAuthentication);

  let stopRechecks: (() => void) | undefined;

  return {
    server,
    async start() {
      // Server.listen() passes the address as `address`, which Node ignores (it binds every
      // interface); listen with `host` so COLLAB_HOST is honoured.
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once('error', reject);
        server.httpServer.listen({ port: options.port, host: options.host }, () => resolve());
      });
      stopRechecks = await scheduleRechecks(server.hocuspocus, recheck, options.recheckMs, (channel, onNotify) => listener.client.listen(channel, onNotify));
      return server.address;
    },
    /** Stores every open document, then closes: clients reconnect to the next server by themselves. */
    async stop() {
      stopRechecks?.();
      await Promise.all([...server.hocuspocus.documents].map(([name, document]) => storing.store(name, document).catch(() => updateLog.flush(name))));
      await server.destroy();
      await listener.client.end({ timeout: 2 });
    },
  };
}
