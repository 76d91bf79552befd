import type { Connection, Document } from '@hocuspocus/server';
import type { CollabAccess, CollabSession } from './access';
import type { ServerMessage } from './messages';

/**
 * What the collaboration server knows about a connection: its person, from its verified
 * token (set when it authenticates); `confirmed` is false while their access cannot be checked.
 */
export type ConnectionContext = CollabSession & { name: string; access: CollabAccess; confirmed: boolean };

export const contextOf = (connection: Connection) => connection.context as ConnectionContext;

/** Tells one connection (a stateless message). */
export const sendTo = (connection: Connection, message: ServerMessage) => connection.sendStateless(JSON.stringify(message));

/** Tells everyone in a story. */
export const broadcastTo = (document: Document, message: ServerMessage) => document.broadcastStateless(JSON.stringify(message));
