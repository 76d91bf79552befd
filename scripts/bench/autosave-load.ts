/**
 * Autosave under load: each editor saves their own story again as soon as the last save
 * returns, carrying the version that save produced (as the story editor does), for
 * `seconds`. wrk cannot do this: every request depends on the answer to the one before.
 */
import type { StoryFields } from './bench-data';
import type { Newsroom } from './newsroom';
import type { LoadResult } from './wrk';

export type AutosaveEditor = { cookie: string; articleId: string; version: number; fields: StoryFields };

export async function runAutosaveLoad(newsroom: Newsroom, editors: AutosaveEditor[], seconds: number): Promise<LoadResult & { refused: string[] }> {
  const latencies: number[] = [];
  const refused: string[] = [];
  let statusErrors = 0;
  let socketErrors = 0;
  let bytes = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    editors.map(async (editor) => {
      for (let keystroke = 1; performance.now() < end; keystroke++) {
        // A word typed since the last save, as a real autosave carries.
        const fields = { ...editor.fields, deck: `${editor.fields.deck} ${keystroke}` };
        try {
          const outcome = await newsroom.save(editor.cookie, editor.articleId, editor.version, fields, 'autosave');
          latencies.push(outcome.response.ms);
          bytes += outcome.response.wireBytes;
          if (outcome.saved) editor.version = outcome.version!;
          else if (outcome.response.status >= 400) statusErrors++;
          else refused.push(outcome.message ?? 'refused');
        } catch {
          socketErrors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return {
    requests: latencies.length,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: latencies.at(-1) ?? 0,
    // A refused save (conflict, invalid) is an error to the editor even when HTTP says 200.
    statusErrors: statusErrors + refused.length,
    socketErrors,
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    refused,
  };
}
