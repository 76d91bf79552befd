import 'server-only';
import type { Document, Hocuspocus } from '@hocuspocus/server';
import { ActionError } from '@/lib/errors';
import type { CollabAccess, CollabSession } from './access';
import { COLLAB_CHANNEL } from './announce';
import type { ApplyAccess } from './connection-access';
import { broadcastTo, contextOf } from './connection-context';
import type { ClaimFold } from './redis-sharing';
import { loadWorkingDraft } from './save-shared-document';
import { storeSnapshot } from './persistence';
import { writeDraftIntoDocument } from './story-document';
import type { StoryStates } from './story-states';
import { changeOfWorkingCopy } from './working-copy-change';

type RecheckOptions = {
  stories: StoryStates;
  accessOf: (session: CollabSession, articleId: string) => Promise<CollabAccess>;
  applyAccess: ApplyAccess;
  claimFold: ClaimFold | null;
};

/**
 * Checks everyone's access to an open story again (so signing out, deactivation or a state
 * that forbids someone drops or downgrades them); folds in a working copy changed elsewhere
 * (a restore); tells clients when the story changed. `announced`: the app said it changed.
 */
export function createAccessRecheck({ stories, accessOf, applyAccess, claimFold }: RecheckOptions) {
  return (name: string, document: Document, announced = false) =>
    stories.serial(name, async () => {
      const state = stories.of(name);
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
      if (changed) broadcastTo(document, { type: 'story-changed', status: working.status });
    });
}

export type AccessRecheck = ReturnType<typeof createAccessRecheck>;

/**
 * Rechecks every open story every `everyMs`, and one story at once when the app announces
 * a change to it (PostgreSQL NOTIFY on COLLAB_CHANNEL, heard through `listen`).
 * Returns what stops the periodic rechecks.
 */
export async function scheduleRechecks(
  hocuspocus: Hocuspocus,
  recheck: AccessRecheck,
  everyMs: number,
  listen: (channel: string, onNotify: (payload: string) => void) => Promise<unknown>,
): Promise<() => void> {
  const recheckLogged = (name: string, document: Document, announced?: boolean) => void recheck(name, document, announced).catch((error) => console.error('[collab] recheck failed', error));
  await listen(COLLAB_CHANNEL, (articleId) => {
    const document = hocuspocus.documents.get(articleId);
    if (document) recheckLogged(articleId, document, true);
  });
  const timer = setInterval(() => {
    for (const [name, document] of hocuspocus.documents) recheckLogged(name, document);
  }, everyMs);
  return () => clearInterval(timer);
}
