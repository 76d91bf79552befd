/**
 * Editors for the chaos run, typing as the story editor does: each holds a Hocuspocus
 * connection to the collaboration server (scripts/bench/collab-editors.ts) and adds a
 * paragraph with a unique marker to their own story every two seconds; every few edits
 * they publish, update or unpublish it, first asking the server to save the working copy
 * (a flush, as the workflow panel does) and sending the version it answers. Every edit
 * (with when the server acknowledged it: edit-acks.ts), every workflow step, every server
 * message and connection change is recorded, to be checked against the database afterwards.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '@/lib/collab/story-document';
import type { ClientMessage, ServerMessage } from '@/lib/collab/messages';
import { resyncWhenEditable } from '@/lib/collab/resync-when-editable';
import type { CollabEditor } from '../bench/collab-data';
import { connectEditors, type EditorClient } from '../bench/collab-editors';
import { DeliveryLedger, markerOf } from '../bench/collab-stats';
import type { Newsroom } from '../bench/newsroom';
import { EditAcks, type Edit } from './edit-acks';

export const EDIT_EVERY_MS = 2_000;
/** A workflow step after every this many edits. */
const STEP_EVERY = 2;
/** As long as the story editor waits for a flush's answer. */
const FLUSH_TIMEOUT_MS = 10_000;

export type Status = 'draft' | 'published' | 'unpublished';
export type ChaosEditor = CollabEditor & { cookie: string };

export type Step = {
  articleId: string;
  name: 'publish' | 'publish_update' | 'unpublish';
  start: number;
  end: number;
  ok: boolean;
  /** The status the server answered with (when ok). */
  status?: Status;
  message?: string;
};
/** A message from the collaboration server ('saved' only counted) or a change of connection. */
export type CollabEvent = { articleId: string; at: number; what: string };

export type EditorRecords = {
  edits: Edit[];
  steps: Step[];
  events: CollabEvent[];
  savedMessages: number;
  flushes: { ok: number; failed: number };
  /** Edits not typed because the server had made the connection read-only (the editor stops typing then too). */
  skippedWhileReadOnly: number;
};

export type EditorParams = {
  newsroom: Newsroom;
  editors: ChaosEditor[];
  /** Their connections, made before the load (`connectChaosEditors`), in the order of `editors`. */
  clients: EditorClient[];
  until: number;
  clock: () => number;
  /** The story's status in the database: after a step whose answer was lost, the editor reloads. */
  readStatus: (articleId: string) => Promise<Status | null>;
  /** When the last fault ended: an editor goes on past `until` (up to a minute) until an edit made after it is acknowledged. */
  lastFaultEnd: () => number;
  /** Counts workflow requests in flight, so a fault can strike during one. */
  inFlight: { publishes: number };
};

/**
 * Connects every editor to the collaboration server (`collabUrl`, tokens signed with
 * `secret`) and resolves once all have synced. Before the load starts: on a busy machine
 * twenty first syncs can take longer than the 9 s until the first fault, and a first sync
 * the outage refuses ends the run.
 */
export function connectChaosEditors(collabUrl: string, secret: string, editors: ChaosEditor[]): Promise<EditorClient[]> {
  return connectEditors({ urlFor: () => collabUrl, secret, editors, ledger: new DeliveryLedger() });
}

/** Types with every connected editor until `until`, and leaves. */
export async function runEditors(params: EditorParams): Promise<EditorRecords> {
  const records: EditorRecords = { edits: [], steps: [], events: [], savedMessages: 0, flushes: { ok: 0, failed: 0 }, skippedWhileReadOnly: 0 };
  const { clients } = params;
  try {
    // One ledger per editor: each connection's count confirms only its own edits.
    const ledgers = await Promise.all(clients.map((client, index) => type(client, index, params, records)));
    records.edits = ledgers.flatMap((acks) => acks.edits);
  } finally {
    // Leaving unloads the documents: the server stores each one and saves its working copy.
    for (const client of clients) client.leave();
  }
  return records;
}

async function type(client: EditorClient, index: number, params: EditorParams, records: EditorRecords): Promise<EditAcks> {
  const editor = params.editors[index]!;
  const acks = new EditAcks();
  const { provider } = client;
  const flushes = new Map<string, (answer: { version: number } | null) => void>();
  // As the page takes the mode from each new token: every (re)connection starts as the server authenticated it.
  const access: { mode: 'edit' | 'read' } = { mode: 'edit' };
  provider.on('authenticated', ({ scope }: { scope: string }) => (access.mode = scope === 'readonly' ? 'read' : 'edit'));
  provider.on('unsyncedChanges', ({ number }: { number: number }) => acks.unsynced(number, params.clock()));
  provider.on('status', ({ status }: { status: string }) => records.events.push({ articleId: editor.articleId, at: params.clock(), what: status }));
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload) as ServerMessage;
    if (message.type === 'saved') records.savedMessages++;
    else if (message.type === 'flushed') flushes.get(message.requestId)?.(message.ok ? { version: message.version } : null);
    if (message.type === 'access') access.mode = message.mode;
    // As the story editor does: its count of unconfirmed updates returns to 0 after a read-only spell.
    resyncWhenEditable(provider, message);
    if (message.type !== 'saved' && message.type !== 'flushed') records.events.push({ articleId: editor.articleId, at: params.clock(), what: message.type === 'access' ? `access ${message.mode}${message.unconfirmed ? ' unconfirmed' : ''}` : message.type });
  });
  const flush = () =>
    new Promise<{ version: number } | null>((resolve) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => resolve(null), FLUSH_TIMEOUT_MS);
      flushes.set(requestId, (answer) => {
        clearTimeout(timer);
        flushes.delete(requestId);
        resolve(answer);
      });
      provider.sendStateless(JSON.stringify({ type: 'flush', requestId } satisfies ClientMessage));
    });

  let status: Status = 'draft';
  let updates = 0;
  let lastEdit: Edit | null = null;
  const lastAckedMadeAt = () => acks.acknowledged.at(-1)?.madeAt ?? -1;
  const goOn = () => params.clock() < params.until || (params.clock() < params.until + 60_000 && lastAckedMadeAt() <= params.lastFaultEnd());
  // Spread the editors over the two seconds, as people do not type in step.
  await sleep((index * EDIT_EVERY_MS) / params.editors.length);
  for (let n = 1; goOn(); ) {
    const began = params.clock();
    // The story editor is read-only while the server says so: nothing is typed.
    if (access.mode === 'read') {
      records.skippedWhileReadOnly++;
      await sleep(EDIT_EVERY_MS);
      continue;
    }
    // A step when the edit before this one is saved, as a person clicks Publish on a saved story.
    const stepNow = n % STEP_EVERY === 0 && lastEdit?.ackedAt != null && params.clock() < params.until;
    const marker = markerOf(editor.index, n);
    lastEdit = acks.made({ articleId: editor.articleId, n, marker, madeAt: began });
    addParagraph(client.doc, `Chaos paragraph ${marker}.`);
    if (stepNow) {
      const name = status === 'published' ? (updates++ % 2 === 0 ? 'publish_update' : 'unpublish') : 'publish';
      const exportName = { publish: 'publishAction', publish_update: 'publishUpdateAction', unpublish: 'unpublishAction' }[name];
      const start = params.clock();
      let fields: Record<string, string> | null = { text: 'Taken down during the chaos run.' };
      if (name !== 'unpublish') {
        const seen = await flush();
        if (seen) records.flushes.ok++;
        else records.flushes.failed++;
        fields = seen && { version: String(seen.version) };
      }
      if (!fields) records.steps.push({ articleId: editor.articleId, name, start, end: params.clock(), ok: false, message: 'flush: the working copy could not be saved first' });
      else {
        params.inFlight.publishes++;
        try {
          const result = await params.newsroom.transition(editor.cookie, editor.articleId, exportName, fields);
          status = ((result.data as { status?: Status } | undefined)?.status ?? status) as Status;
          records.steps.push({ articleId: editor.articleId, name, start, end: params.clock(), ok: true, status });
        } catch (error) {
          records.steps.push({ articleId: editor.articleId, name, start, end: params.clock(), ok: false, message: (error as Error).message.slice(0, 200) });
          status = (await params.readStatus(editor.articleId).catch(() => null)) ?? status;
        } finally {
          params.inFlight.publishes--;
        }
      }
    }
    n++;
    await sleep(Math.max(0, began + EDIT_EVERY_MS - params.clock()));
  }
  return acks;
}

/** A new paragraph at the end of the body, as Tiptap's binding writes one. */
function addParagraph(doc: Y.Doc, text: string) {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const body = doc.getXmlFragment(BODY_FRAGMENT);
    body.insert(body.length, [paragraph]);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
