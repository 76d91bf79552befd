import 'server-only';
import type { Connection, Document, Extension, Hocuspocus } from '@hocuspocus/server';
import { isDatabaseBusy } from '@/db/unavailable';
import type { CollabAccess, CollabSession } from './access';
import type { ApplyAccess } from './connection-access';
import { broadcastTo, sendTo } from './connection-context';
import { settleEdits } from './edit-ledger';
import type { ClientMessage } from './messages';
import { storeSnapshot } from './persistence';
import { loadWorkingDraft, saveSharedDocument, type SharedSaveOutcome } from './save-shared-document';
import type { StoryStates } from './story-states';

const STORE_RETRY_MS = 5_000;

type StoringOptions = {
  stories: StoryStates;
  accessOf: (session: CollabSession, articleId: string) => Promise<CollabAccess>;
  applyAccess: ApplyAccess;
  /** The server's Hocuspocus (made after these hooks): a retry stores a story only while it is still loaded. */
  hocuspocus: () => Hocuspocus;
};

/**
 * Storing a story (debounced by Hocuspocus, on the last person leaving, on shutdown, or when
 * a page asks before a workflow step): saves the working copy from the document when someone
 * typed, with everyone's access checked first, compacts log and snapshot into one snapshot,
 * and tells the pages. A failed store keeps the story loaded and is retried.
 */
export function createStoryStoring({ stories, accessOf, applyAccess, hocuspocus }: StoringOptions) {
  const store = (name: string, document: Document): Promise<SharedSaveOutcome> =>
    stories.of(name).queue.store(async () => {
      const state = stories.of(name);
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
        broadcastTo(document, isDatabaseBusy(error) ? { type: 'unsaved', busy: true } : { type: 'unsaved' });
        clearTimeout(state.retryTimer);
        state.retryTimer = setTimeout(() => {
          if (hocuspocus().documents.get(name) !== document) return;
          void store(name, document).then(
            () => hocuspocus().unloadDocument(document),
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
      if (outcome.status === 'saved') broadcastTo(document, { type: 'saved', at: outcome.savedAt, version: outcome.version, revisionId: outcome.revisionId });
      if (outcome.status === 'invalid') broadcastTo(document, { type: 'invalid', message: outcome.message, fieldErrors: outcome.fieldErrors });
      return outcome;
    });

  const hooks = {
    async onStoreDocument({ documentName, document }) {
      // Hocuspocus starts these stores without waiting for them: a failure thrown from here
      // would end the process. store() has already told the clients and set its retry.
      await store(documentName, document).catch((error: unknown) => {
        console.error(`Storing story ${documentName} failed; retrying in ${STORE_RETRY_MS / 1000} s:`, error instanceof Error ? error.message : error);
      });
    },

    async beforeUnloadDocument({ documentName }) {
      // Throwing keeps the document loaded: its typing is not yet in the working copy.
      if (stories.find(documentName)?.storeFailed) throw new Error(`Story ${documentName} is kept until it is stored.`);
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
          sendTo(connection, { type: 'flushed', requestId, ok: outcome.status !== 'invalid', revisionId, version });
        } catch {
          sendTo(connection, { type: 'flushed', requestId, ok: false, revisionId: 0, version: 0 });
        }
      }
    },
  } satisfies Partial<Extension>;

  return { store, hooks };
}
