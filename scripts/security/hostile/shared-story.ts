/**
 * Typing into a story as the browser's story editor does since issue 15: a token from the
 * app's own action (collabTokenAction, one per connection), a WebSocket to the collaboration
 * server with the site's Origin, the fields written into the shared document, then a flush
 * (the editor's "save now" before a workflow step) whose answer says whether the working
 * copy took it, or why not (the `invalid` message the editor shows by the fields).
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { ClientMessage, ServerMessage } from '@/lib/collab/messages';
import { writeDraftIntoDocument, type SharedDraft } from '@/lib/collab/story-document';
import { act, type Campaign } from './session';

type WsClass = new (url: string, protocols?: string | string[], options?: { headers?: Record<string, string> }) => object;
const Ws = createRequire(import.meta.url)('ws') as WsClass;
const WAIT_MS = 60_000;

export type FlushOutcome = { ok: true; version: number } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

export type SharedStory = {
  /** Writes `draft` into the shared document and asks the server to save it now. */
  write(draft: SharedDraft): Promise<FlushOutcome>;
  leave(): void;
};

/** Opens the story's shared document as the signed-in person; null (with a finding from `act`) when no token was given. */
export async function openSharedStory(c: Campaign, collabUrl: string, articleId: string, where: string): Promise<SharedStory | null> {
  const first = await act(c, 'collabTokenAction', { articleId }, where);
  const ticket = first.result?.data as { token: string; mode: string } | undefined;
  if (!ticket) return null;
  if (ticket.mode !== 'edit') throw new Error(`The campaign's editor may only watch story ${articleId}.`);
  let unused: string | null = ticket.token;
  // Tokens are single-use: a reconnect asks the app for a new one, as the editor does.
  const token = async () => {
    const given = unused ?? ((await act(c, 'collabTokenAction', { articleId }, where)).result?.data as { token: string } | undefined)?.token ?? '';
    unused = null;
    return given;
  };
  const origin = c.origin;
  class SiteSocket extends Ws {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { Origin: origin } });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: collabUrl, WebSocketPolyfill: SiteSocket });
  let lastInvalid: { message: string; fieldErrors: Record<string, string[]> } | null = null;
  const flushes = new Map<string, (message: Extract<ServerMessage, { type: 'flushed' }>) => void>();
  let provider!: HocuspocusProvider;
  const synced = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), WAIT_MS);
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: articleId,
      document: doc,
      token,
      onSynced: () => {
        clearTimeout(timer);
        resolve(true);
      },
      onAuthenticationFailed: () => {
        clearTimeout(timer);
        resolve(false);
      },
      onStateless: ({ payload }) => {
        const message = JSON.parse(payload) as ServerMessage;
        if (message.type === 'invalid') lastInvalid = { message: message.message, fieldErrors: message.fieldErrors ?? {} };
        if (message.type === 'flushed') flushes.get(message.requestId)?.(message);
      },
    });
    provider.attach();
  });
  const leave = () => {
    provider.destroy();
    socket.destroy();
  };
  if (!synced) {
    leave();
    throw new Error(`Story ${articleId}: the collaboration server at ${collabUrl} did not open its shared document.`);
  }
  return {
    leave,
    async write(draft) {
      lastInvalid = null;
      writeDraftIntoDocument(doc, draft);
      const requestId = randomUUID();
      const answer = await new Promise<Extract<ServerMessage, { type: 'flushed' }> | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), WAIT_MS);
        flushes.set(requestId, (message) => {
          clearTimeout(timer);
          resolve(message);
        });
        const message: ClientMessage = { type: 'flush', requestId };
        provider.sendStateless(JSON.stringify(message));
      });
      flushes.delete(requestId);
      if (!answer) return { ok: false, message: 'no answer to the flush within 60 s', fieldErrors: {} };
      if (answer.ok) return { ok: true, version: answer.version };
      // The `invalid` broadcast comes with the store, before the flush's answer.
      const invalid = lastInvalid as { message: string; fieldErrors: Record<string, string[]> } | null;
      return { ok: false, message: invalid?.message ?? 'refused without a message', fieldErrors: invalid?.fieldErrors ?? {} };
    },
  };
}
