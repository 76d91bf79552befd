/**
 * Where typed markers must end up, read back from the database: the stored shared document
 * (collab_documents + collab_updates) and the story's working copy. Uses the app's database
 * handle (DATABASE_URL). Shared by `npm run bench:collab` and `npm run chaos`.
 */
import * as Y from 'yjs';
import { db } from '@/db/client';
import { loadStoredDocument } from '@/lib/collab/persistence';
import { loadStory } from '@/lib/workflow/story-record';
import { markerText } from './collab-editors';
import { missingMarkers } from './collab-stats';

/** The stored document's body and deck, as the collaboration server would load it. */
export async function storedText(articleId: string): Promise<string> {
  const stored = await loadStoredDocument(articleId);
  if (!stored) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored.state);
  return markerText(doc);
}

/** The working copy's body (as JSON) and deck. */
export async function workingText(articleId: string): Promise<string> {
  const { working } = await loadStory(db, articleId);
  return `${JSON.stringify(working.body)}\n${working.deck}`;
}

export async function countMissing(expected: Map<string, string[]>, textOf: (articleId: string) => Promise<string>): Promise<number> {
  let missing = 0;
  for (const [articleId, markers] of expected) missing += missingMarkers(markers, await textOf(articleId)).length;
  return missing;
}

/** Polls until nothing is missing or the time is up; the last count. */
export async function settled(count: () => Promise<number>, withinMs: number): Promise<number> {
  const end = Date.now() + withinMs;
  for (;;) {
    const missing = await count();
    if (missing === 0 || Date.now() > end) return missing;
    await new Promise((done) => setTimeout(done, 500));
  }
}
