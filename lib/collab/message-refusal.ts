import 'server-only';
import type { Connection, Document, Extension } from '@hocuspocus/server';
import { contextOf } from './connection-context';
import { ConnectionEdits } from './edit-ledger';
import { inspectClientMessage, type Refusal } from './message-guard';
import { touchesOthersPresence } from './presence-identity';
import type { StoryStates } from './story-states';

/**
 * Reads every browser message before Hocuspocus applies it (`message-guard.ts`): one that
 * does not decode, touches someone else's presence or grows the document past
 * `maxDocumentBytes` ends its connection; an update starts tracking its sender's edits.
 */
export function createMessageRefusal(stories: StoryStates, maxDocumentBytes: number) {
  /** The edits of a connection that types, tracked from its first update. */
  const editsOf = (connection: Connection): ConnectionEdits => {
    const state = stories.of(connection.document.name);
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

  /** Why a browser's message must not be applied, or null. */
  const refusalOf = (connection: Connection, document: Document, data: Uint8Array): Refusal | null => {
    const inspection = inspectClientMessage(data);
    if (inspection.kind === 'refused') return inspection.refusal;
    if (inspection.kind === 'awareness') {
      const others = [...document.connections.values()].filter((other) => other.connection !== connection).map(({ clients, connection: other }) => ({ clients, userId: contextOf(other).userId }));
      if (touchesOthersPresence(document.awareness, inspection.entries, contextOf(connection).userId, others)) return { code: 1008, reason: 'presence-not-yours' };
    }
    if (inspection.kind === 'update' && !connection.readOnly) {
      const state = stories.of(document.name);
      if (state.bytes + inspection.bytes > maxDocumentBytes) return { code: 1009, reason: 'story-too-big' };
      state.bytes += inspection.bytes;
      editsOf(connection);
    }
    return null;
  };

  return {
    async beforeHandleMessage({ connection, document, update }) {
      const refusal = refusalOf(connection, document, update);
      if (!refusal) return;
      connection.webSocket.close(refusal.code, refusal.reason);
      throw Object.assign(new Error(refusal.reason), refusal);
    },
  } satisfies Partial<Extension>;
}
