import 'server-only';
import type { Extension } from '@hocuspocus/server';
import type { ConnectionContext } from './connection-context';
import { appendUpdates } from './persistence';
import { markBeingEdited } from './presence';
import type { StoryStates } from './story-states';

const LOG_AFTER_MS = 50;
const MARK_EVERY_MS = 30_000;
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

/**
 * Appends every update a story takes to its log in PostgreSQL within LOG_AFTER_MS (a crash
 * loses at most that), and marks the story as being edited by whoever types.
 */
export function createUpdateLog(stories: StoryStates) {
  /** Appends the story's pending updates now (kept for the next try if the database refuses). */
  const flush = async (name: string) => {
    const state = stories.find(name);
    if (!state || state.pending.length === 0) return;
    clearTimeout(state.logTimer);
    const updates = state.pending.splice(0);
    await appendUpdates(name, updates).catch((error) => {
      state.pending.unshift(...updates);
      console.error('[collab] could not log updates', error);
    });
  };

  const hooks = {
    async onChange({ documentName, update, transactionOrigin, context }) {
      if (transactionOrigin === REDIS_ORIGIN) return; // logged by the server it came from
      const state = stories.of(documentName);
      state.pending.push(update);
      clearTimeout(state.logTimer);
      state.logTimer = setTimeout(() => void flush(documentName), LOG_AFTER_MS);
      const userId = (context as Partial<ConnectionContext>)?.userId;
      if (userId && transactionOrigin) {
        if (Date.now() - state.lastMarked > MARK_EVERY_MS) {
          state.lastMarked = Date.now();
          void markBeingEdited(documentName, userId).catch(() => undefined);
        }
      }
    },
  } satisfies Partial<Extension>;

  return { flush, hooks };
}
