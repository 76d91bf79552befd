import 'server-only';
import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { collabColorOf } from './access';
import { contextOf } from './connection-context';
import { createStoredDocument, loadStoredDocument, storeSnapshot } from './persistence';
import { stampPresence } from './presence-identity';
import type { ClaimFold } from './redis-sharing';
import { loadWorkingDraft } from './save-shared-document';
import { writeDraftIntoDocument } from './story-document';
import type { StoryStates } from './story-states';

type LoadingOptions = {
  stories: StoryStates;
  claimFold: ClaimFold | null;
  /** Appends the story's pending updates to its log. */
  flushLog: (name: string) => Promise<void>;
};

/**
 * Opening and closing a story on this server: its document is built from the stored
 * snapshot and log (or, the first time, from the working copy), with a working copy
 * restored meanwhile folded in; on unload its log is flushed and its state dropped.
 */
export function createStoryLoading({ stories, claimFold, flushLog }: LoadingOptions) {
  return {
    async onLoadDocument({ documentName, document }) {
      await stories.serial(documentName, async () => {
        const state = stories.of(documentName);
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

    async afterUnloadDocument({ documentName }) {
      await flushLog(documentName);
      const state = stories.find(documentName);
      state?.unstamp?.();
      for (const edits of state?.edits.values() ?? []) edits.destroy();
      stories.forget(documentName);
    },
  } satisfies Partial<Extension>;
}
