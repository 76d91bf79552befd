/**
 * The co-editing bench's editors: one HocuspocusProvider per person, each on its own
 * WebSocket as a browser would be, with a token signed as the app signs it. Each types
 * into the story body (its own paragraph, as Tiptap's binding writes it) and now and then
 * into the deck (a shared Y.Text); every edit carries a marker, and every editor watches
 * remote changes for the markers of the others.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { collabColorOf } from '@/lib/collab/access';
import { BODY_FRAGMENT, sharedText } from '@/lib/collab/story-document';
import { COLLAB_TOKEN_SECONDS, signCollabToken } from '@/lib/collab/token';
import type { CollabEditor } from './collab-data';
import { markerOf, markersIn, type DeliveryLedger } from './collab-stats';

// Node 20 has no WebSocket client of its own; the provider takes ws's.
const WebSocket: unknown = createRequire(import.meta.url)('ws');
const WORDS = ['council', 'harbour', 'budget', 'ferry', 'vote', 'housing', 'school', 'bridge', 'weather', 'market', 'the', 'and', 'after', 'said'];
/** One edit in this many goes to the deck; the rest to the body. */
const DECK_EVERY = 10;

export type EditorClient = {
  editor: CollabEditor;
  doc: Y.Doc;
  /** Markers this editor put in the body (all must stay) and its current one in the deck. */
  bodyMarkers: string[];
  deckMarker: string | null;
  failed: string | null;
  /** Its connection (the chaos run follows its unconfirmed updates and sends flushes through it). */
  provider: HocuspocusProvider;
  /** Times the server closed this editor's connection, by close code and reason. */
  closes: string[];
  /** Sets this editor's awareness (name, colour, caret), as the story editor's caret extension does. */
  announce(state: Record<string, unknown>): void;
  leave(): void;
};

export type ConnectParams = { urlFor: (editor: CollabEditor) => string; secret: string; editors: CollabEditor[]; ledger: DeliveryLedger };

/** Connects every editor and resolves once all have synced (or says who could not). */
export async function connectEditors({ urlFor, secret, editors, ledger }: ConnectParams): Promise<EditorClient[]> {
  const clients = editors.map((editor) => connectEditor(urlFor(editor), secret, editor, ledger));
  const results = await Promise.all(clients.map((client) => client.synced));
  const failed = clients.filter((_, i) => !results[i]);
  if (failed.length) {
    for (const { client } of clients) client.leave();
    throw new Error(`${failed.length} of ${clients.length} editors could not connect: ${[...new Set(failed.map(({ client }) => client.failed))].join('; ')}`);
  }
  return clients.map(({ client }) => client);
}

function connectEditor(url: string, secret: string, editor: CollabEditor, ledger: DeliveryLedger) {
  const doc = new Y.Doc();
  const sid = randomUUID();
  const token = () =>
    signCollabToken(
      { userId: editor.userId, sid, sessionVersion: editor.sessionVersion, articleId: editor.articleId, mode: 'edit', name: editor.name, exp: Math.floor(Date.now() / 1000) + COLLAB_TOKEN_SECONDS },
      secret,
    );
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  let closing = false;
  const client: EditorClient = {
    editor,
    doc,
    bodyMarkers: [],
    deckMarker: null,
    failed: null,
    get provider() {
      return provider;
    },
    closes: [],
    announce: (state) => {
      for (const [field, value] of Object.entries(state)) provider.setAwarenessField(field, value);
    },
    leave: () => {
      closing = true;
      provider.destroy();
      socket.destroy();
    },
  };
  const watch = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.local) return;
    const at = performance.now();
    for (const event of events) {
      for (const op of event.delta) {
        if (op.insert === undefined) continue;
        const inserted = typeof op.insert === 'string' ? op.insert : (op.insert as unknown[]).map(String).join(' ');
        for (const marker of markersIn(inserted)) ledger.seen(marker, editor.index, at);
      }
    }
  };
  doc.getXmlFragment(BODY_FRAGMENT).observeDeep(watch);
  sharedText(doc, 'deck').observeDeep(watch);
  let provider!: HocuspocusProvider;
  const synced = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      client.failed ??= 'no sync within 60 s';
      resolve(false);
    }, 60_000);
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: editor.articleId,
      document: doc,
      token,
      onSynced: () => {
        clearTimeout(timer);
        client.announce({ user: { name: editor.name, color: collabColorOf(editor.userId) } });
        resolve(true);
      },
      onClose: ({ event }) => {
        if (!closing) client.closes.push(`${event.code}${event.reason ? ` ${event.reason}` : ''}`);
      },
      onAuthenticationFailed: ({ reason }) => {
        client.failed = `refused: ${reason}`;
        clearTimeout(timer);
        resolve(false);
      },
    });
    provider.attach();
  });
  return { client, synced };
}

/** One edit: a word and a marker at the end of the editor's paragraph, or its marker in the deck replaced. */
export function typeOnce(client: EditorClient, edit: number, receivers: number[], ledger: DeliveryLedger): void {
  const marker = markerOf(client.editor.index, edit);
  ledger.send(marker, performance.now(), receivers);
  const { doc } = client;
  if (edit % DECK_EVERY === 0) {
    const deck = sharedText(doc, 'deck');
    const previous = client.deckMarker;
    doc.transact(() => {
      const at = previous ? deck.toString().indexOf(previous) : -1;
      if (at >= 0) {
        deck.delete(at, previous!.length);
        deck.insert(at, marker);
      } else deck.insert(deck.length, `${deck.length ? ' ' : ''}${marker}`);
    });
    client.deckMarker = marker;
  } else {
    const word = WORDS[edit % WORDS.length]!;
    doc.transact(() => {
      const body = doc.getXmlFragment(BODY_FRAGMENT);
      const own = ownParagraphText(client);
      if (own) own.insert(own.length, ` ${word} ${marker}`);
      else {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`${word} ${marker}`)]);
        body.insert(body.length, [paragraph]);
      }
    });
    client.bodyMarkers.push(marker);
  }
  // Typing moves the caret, and everyone in the story is told (Tiptap's caret extension).
  client.announce({ caret: { edit, field: edit % DECK_EVERY === 0 ? 'deck' : 'body' } });
}

/** The text of the paragraph this editor started (found by its first marker). */
function ownParagraphText(client: EditorClient): Y.XmlText | null {
  const first = client.bodyMarkers[0];
  if (!first) return null;
  const cached = paragraphs.get(client);
  if (cached) return cached;
  for (const node of client.doc.getXmlFragment(BODY_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const text = node.firstChild;
    if (text instanceof Y.XmlText && text.toString().includes(first)) {
      paragraphs.set(client, text);
      return text;
    }
  }
  return null;
}
const paragraphs = new WeakMap<EditorClient, Y.XmlText>();

/** Everything in a document that can hold markers: the body and the deck. */
export const markerText = (doc: Y.Doc) => `${doc.getXmlFragment(BODY_FRAGMENT).toString()}\n${sharedText(doc, 'deck').toString()}`;
