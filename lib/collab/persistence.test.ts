import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { db } from '@/db/client';
import { collabDocuments, collabUpdates } from '@/db/schema';
import { createArticle } from '@/test/factories';
import { appendUpdates, createStoredDocument, loadStoredDocument, storeSnapshot } from './persistence';

const loggedRows = (articleId: string) => db.select({ id: collabUpdates.id }).from(collabUpdates).where(eq(collabUpdates.articleId, articleId));
const snapshotRows = (articleId: string) => db.select().from(collabDocuments).where(eq(collabDocuments.articleId, articleId));

/** The text of a stored state's 'deck' field, read back through a fresh document. */
function deckOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('deck').toString();
}

/** One person's typing: the update it makes, applied to their own copy of the document. */
function type(doc: Y.Doc, text: string): Uint8Array {
  const updates: Uint8Array[] = [];
  const take = (update: Uint8Array) => updates.push(update);
  doc.on('update', take);
  doc.getText('deck').insert(doc.getText('deck').length, text);
  doc.off('update', take);
  return Y.mergeUpdates(updates);
}

describe('a story’s stored shared document', () => {
  it('logs updates as they arrive, and compacts snapshot and log into one snapshot, emptying the log', async () => {
    const story = await createArticle();
    expect(await loadStoredDocument(story.id)).toBeNull();

    const server = new Y.Doc();
    expect(await createStoredDocument(story.id, server, 1)).toBe(true);
    expect(await createStoredDocument(story.id, new Y.Doc(), 2)).toBe(false); // the first server's document stays
    await appendUpdates(story.id, [type(server, 'One'), type(server, ' two')]);
    await appendUpdates(story.id, [type(server, ' three')]);
    expect(await loggedRows(story.id)).toHaveLength(2); // one row per call, the call's updates merged

    // Before any compaction, what is loaded is the snapshot with the log merged in.
    const loaded = await loadStoredDocument(story.id);
    expect(deckOf(loaded!.state)).toBe('One two three');
    expect(loaded!.revisionId).toBe(1);

    const bytes = await storeSnapshot(story.id, server, 7);
    expect(await loggedRows(story.id)).toEqual([]);
    const [snapshot] = await snapshotRows(story.id);
    expect(snapshot!.state.length).toBe(bytes);
    expect(deckOf(new Uint8Array(snapshot!.state))).toBe('One two three');
    expect(snapshot!.revisionId).toBe(7);
  });

  it('keeps edits the storing server has not heard of (a union, not an overwrite), and the revision when none is given', async () => {
    const story = await createArticle();
    const a = new Y.Doc();
    await createStoredDocument(story.id, a, 3);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Another server logged B's typing; server A never received it.
    await appendUpdates(story.id, [type(b, 'From B.')]);
    type(a, 'From A.');

    await storeSnapshot(story.id, a, null);
    const stored = await loadStoredDocument(story.id);
    const deck = deckOf(stored!.state);
    expect(deck).toContain('From A.');
    expect(deck).toContain('From B.');
    expect(deck).toHaveLength('From A.From B.'.length);
    expect(stored!.revisionId).toBe(3); // a store that saved nothing keeps the revision the document was stored as
    expect(await loggedRows(story.id)).toEqual([]);
  });
});
