import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { ServerMessage } from './messages';

/**
 * Updates a page sends while the server has its connection read-only are answered "not
 * applied", and Hocuspocus's provider (3.4.4) never counts those down: its count of
 * unconfirmed updates, which the save bar shows as "Saving…", would stay above 0 until the
 * next reconnection. When typing is given back, starting a sync from here resets that count
 * to 1, and it reaches 0 once the server has applied everything this page holds (the page
 * answers the server's own request for what it lacks, sent with the access message).
 */
export function resyncWhenEditable(provider: Pick<HocuspocusProvider, 'hasUnsyncedChanges' | 'forceSync'>, message: ServerMessage): void {
  if (message.type === 'access' && message.mode === 'edit' && provider.hasUnsyncedChanges) provider.forceSync();
}
