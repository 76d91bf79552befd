import { OutgoingMessage, type Connection } from '@hocuspocus/server';
import type { CollabAccess } from './access';
import { contextOf, sendTo } from './connection-context';
import { ACCESS_ENDED, SESSION_ENDED } from './messages';
import type { StoryStates } from './story-states';

/**
 * Applies a fresh access verdict to one open connection ('unknown': the check failed).
 * Typing it may no longer do is undone; while its access cannot be confirmed it may only
 * watch (fail closed), and it may type again, with its edits asked for again, once confirmed.
 * `mark`: how many of its edits the check vouches for (counted before it ran).
 */
export function createAccessApplier(stories: StoryStates) {
  return (connection: Connection, verdict: CollabAccess | 'unknown', mark = 0) => {
    const context = contextOf(connection);
    const edits = stories.find(connection.document.name)?.edits.get(connection);
    if (verdict === 'none' || verdict === 'ended') {
      edits?.revert();
      connection.close({ code: 4403, reason: verdict === 'ended' ? SESSION_ENDED : ACCESS_ENDED });
      return;
    }
    if (verdict === 'unknown') {
      if (!context.confirmed) return;
      context.confirmed = false;
      connection.readOnly = true;
      sendTo(connection, { type: 'access', mode: 'read', unconfirmed: true });
      return;
    }
    if (verdict === 'edit') edits?.confirm(mark);
    else edits?.revert();
    const wasReadOnly = connection.readOnly;
    const changed = verdict !== context.access || !context.confirmed;
    context.access = verdict;
    context.confirmed = true;
    connection.readOnly = verdict === 'read';
    if (changed) sendTo(connection, { type: 'access', mode: verdict });
    // Its typing while it could only watch was refused; the page still holds it: ask for it.
    if (wasReadOnly && verdict === 'edit') connection.send(new OutgoingMessage(connection.document.name).createSyncMessage().writeFirstSyncStepFor(connection.document).toUint8Array());
  };
}

export type ApplyAccess = ReturnType<typeof createAccessApplier>;
