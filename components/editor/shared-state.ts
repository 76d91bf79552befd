import type { ServerMessage } from '@/lib/collab/messages';
import type { SharedState } from './types';

/** What the page knows about its connection and the server's last word, for the save bar. */
export type SaveFacts = {
  refused: string | null;
  /** The document has held the server's content at least once. */
  synced: boolean;
  browserOnline: boolean;
  connection: 'connecting' | 'connected' | 'offline';
  /** A connection attempt ended before the document first synced: the server is not there (yet). */
  connectFailed: boolean;
  /** The newsroom app did not answer (or failed) when last asked for a token; asked again by itself. */
  appUnanswered: boolean;
  /** Why the server's last store failed, or null when it did not. */
  storeFailed: StoreFailure | null;
  /** Updates sent that the server has not confirmed as applied. */
  unsynced: number;
  invalid: { message: string; fieldErrors?: Record<string, string[]> } | null;
  savedAt: string;
};

/** 'busy': no database connection became free in time; 'down': the database did not answer. */
export type StoreFailure = 'busy' | 'down';

export const storeFailureOf = (message: Extract<ServerMessage, { type: 'unsaved' }>): StoreFailure => (message.busy ? 'busy' : 'down');

/** Where this page's edits stand, most pressing first. */
export function sharedStateOf(facts: SaveFacts): SharedState {
  if (facts.refused) return { kind: 'refused', message: facts.refused };
  if (!facts.synced) {
    if (!facts.browserOnline) return { kind: 'offline' };
    if (facts.appUnanswered) return { kind: 'unreachable', server: 'newsroom' };
    return facts.connectFailed ? { kind: 'unreachable', server: 'editing' } : { kind: 'connecting' };
  }
  if (!facts.browserOnline) return { kind: 'offline' };
  if (facts.appUnanswered) return { kind: 'retrying', cause: 'newsroom' };
  if (facts.connection !== 'connected') return { kind: 'retrying', cause: 'server' };
  if (facts.storeFailed) return { kind: 'retrying', cause: facts.storeFailed === 'busy' ? 'busy' : 'database' };
  if (facts.unsynced > 0) return { kind: 'saving' };
  if (facts.invalid) return { kind: 'invalid', ...facts.invalid };
  return { kind: 'saved', at: facts.savedAt };
}
