/**
 * Editors for the chaos run: each autosaves their own story every two seconds through the
 * editor's own server action, with their session cookie, and every few saves publishes,
 * updates or unpublishes it. Every save the server acknowledged and every workflow step is
 * recorded, to be checked against the database afterwards.
 */
import type { AutosaveEditor } from '../bench/autosave-load';
import type { Newsroom } from '../bench/newsroom';
import type { WatchedStory } from './readers';

export const AUTOSAVE_EVERY_MS = 2_000;
/** A workflow step after every this many saves. */
const STEP_EVERY = 2;

export type Status = 'draft' | 'published' | 'unpublished';

export type AckedSave = { articleId: string; n: number; version: number; start: number; at: number };
export type SaveFailure = { articleId: string; n: number; start: number; at: number; message: string };
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

export type EditorRecords = { acked: AckedSave[]; failures: SaveFailure[]; steps: Step[]; saveMs: number[] };

export type EditorParams = {
  newsroom: Newsroom;
  editors: AutosaveEditor[];
  until: number;
  clock: () => number;
  /** Stories get an address on their first save; readers then ask for them. */
  onStory: (story: WatchedStory) => void;
  /** The story's status in the database: after a step whose answer was lost, the editor reloads. */
  readStatus: (articleId: string) => Promise<Status | null>;
  /** When the last fault ended: an editor goes on past `until` (up to a minute) until a save started after it is acknowledged. */
  lastFaultEnd: () => number;
  /** Counts workflow requests in flight, so a fault can strike during one. */
  inFlight: { publishes: number };
};

/** The deck carries the save's number, so the database shows which save it holds. */
export const deckWithSave = (deck: string, n: number) => `${deck} (save #${n})`;
export const saveNumberOf = (deck: string): number => Number(/\(save #(\d+)\)$/.exec(deck)?.[1] ?? 0);

export async function runEditors(params: EditorParams): Promise<EditorRecords> {
  const records: EditorRecords = { acked: [], failures: [], steps: [], saveMs: [] };
  await Promise.all(
    params.editors.map(async (editor, index) => {
      let status: Status = 'draft';
      let saves = 0;
      let updates = 0;
      let lastAckStart = -1;
      const goOn = () => params.clock() < params.until || (params.clock() < params.until + 60_000 && lastAckStart <= params.lastFaultEnd());
      // Spread the editors over the two seconds, as people do not type in step.
      await sleep((index * AUTOSAVE_EVERY_MS) / params.editors.length);
      for (let n = 1; goOn(); n++) {
        const began = params.clock();
        const fields = { ...editor.fields, deck: deckWithSave(editor.fields.deck, n) };
        let saved = false;
        try {
          const outcome = await params.newsroom.save(editor.cookie, editor.articleId, editor.version, fields, 'autosave');
          records.saveMs.push(outcome.response.ms);
          if (outcome.saved) {
            saved = true;
            saves++;
            lastAckStart = began;
            editor.version = outcome.version!;
            records.acked.push({ articleId: editor.articleId, n, version: editor.version, start: began, at: params.clock() });
            if (n === 1 || saves === 1) params.onStory({ articleId: editor.articleId, slug: outcome.slug!, headline: editor.fields.headline });
          } else {
            // A save that reached the database but whose answer was lost leaves the story a
            // version ahead: the editor page would offer to reload it; take the newer version.
            const data = (outcome.response.result as { data?: { version?: number } } | undefined)?.data;
            if (typeof data?.version === 'number') editor.version = data.version;
            records.failures.push({ articleId: editor.articleId, n, start: began, at: params.clock(), message: outcome.message ?? 'refused' });
          }
        } catch (error) {
          records.failures.push({ articleId: editor.articleId, n, start: began, at: params.clock(), message: `no answer: ${(error as Error).message}` });
        }
        if (saved && saves % STEP_EVERY === 0 && params.clock() < params.until) {
          const name = status === 'published' ? (updates++ % 2 === 0 ? 'publish_update' : 'unpublish') : 'publish';
          const exportName = { publish: 'publishAction', publish_update: 'publishUpdateAction', unpublish: 'unpublishAction' }[name];
          const fields: Record<string, string> = name === 'unpublish' ? { text: 'Taken down during the chaos run.' } : { version: String(editor.version) };
          const start = params.clock();
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
        await sleep(Math.max(0, began + AUTOSAVE_EVERY_MS - params.clock()));
      }
    }),
  );
  return records;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
