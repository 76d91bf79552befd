import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CollabAccess } from './access';
import { ConnectionEdits, settleEdits } from './edit-ledger';
import { sharedText } from './story-document';

const session = (userId: string) => ({ userId, sid: `${userId}-session`, sessionVersion: 1 });

/** A document and two connections typing into it (each connection is its updates' origin, as in Hocuspocus). */
function story() {
  const doc = new Y.Doc();
  sharedText(doc, 'headline').insert(0, 'Fire at the harbour');
  const ana = { name: 'ana' };
  const ben = { name: 'ben' };
  const edits = { ana: new ConnectionEdits(doc, ana, session('ana')), ben: new ConnectionEdits(doc, ben, session('ben')) };
  const type = (origin: object, change: (text: Y.Text) => void) => doc.transact(() => change(sharedText(doc, 'headline')), origin);
  return { doc, ana, ben, edits, type, headline: () => sharedText(doc, 'headline').toString() };
}

describe('a connection’s edits awaiting confirmation', () => {
  it('are undone on their own, leaving everyone else’s typing', () => {
    const s = story();
    s.type(s.ana, (t) => t.insert(0, 'Huge '));
    s.type(s.ben, (t) => t.insert(t.length, ' tonight'));
    s.type(s.ana, (t) => t.delete(t.length - 8 - 'harbour'.length, 'harbour'.length));
    expect(s.headline()).toBe('Huge Fire at the  tonight');
    s.edits.ana.revert();
    expect(s.headline()).toBe('Fire at the harbour tonight');
    expect(s.edits.ana.unconfirmed).toBe(0);
  });

  it('once confirmed, stay when later ones are undone', () => {
    const s = story();
    s.type(s.ana, (t) => t.insert(0, 'Huge '));
    const mark = s.edits.ana.unconfirmed;
    s.type(s.ana, (t) => t.insert(t.length, '!'));
    s.edits.ana.confirm(mark);
    s.edits.ana.revert();
    expect(s.headline()).toBe('Huge Fire at the harbour');
  });

  it('once confirmed, let the text they deleted be collected', () => {
    const s = story();
    s.type(s.ana, (t) => t.insert(0, 'x'.repeat(20_000)));
    s.edits.ana.confirm(s.edits.ana.unconfirmed);
    s.type(s.ana, (t) => t.delete(0, 20_000));
    const kept = Y.encodeStateAsUpdate(s.doc).length;
    s.edits.ana.confirm(s.edits.ana.unconfirmed);
    const collected = Y.encodeStateAsUpdate(s.doc).length;
    expect(kept).toBeGreaterThan(20_000);
    expect(collected).toBeLessThan(1_000);

    s.type(s.ben, (t) => t.insert(0, 'y'.repeat(20_000)));
    s.edits.ben.revert();
    expect(Y.encodeStateAsUpdate(s.doc).length).toBeLessThan(1_000);
  });
});

describe('settling edits before a save', () => {
  it('confirms those who may type, undoes the others, and names the last confirmed typist the author', async () => {
    const s = story();
    s.type(s.ben, (t) => t.insert(0, 'Ben: '));
    s.type(s.ana, (t) => t.insert(t.length, ' (Ana)'));
    const told: [string, CollabAccess][] = [];
    const access: Record<string, CollabAccess> = { ana: 'ended', ben: 'edit' };
    const settled = await settleEdits(Object.values(s.edits), async ({ userId }) => access[userId]!, (edits, verdict) => told.push([edits.session.userId, verdict]));
    expect(settled).toEqual({ actor: session('ben'), contributorIds: ['ben'] });
    expect(s.headline()).toBe('Ben: Fire at the harbour');
    expect(told).toEqual([['ana', 'ended']]);
  });

  it('confirms and undoes nothing when access cannot be checked', async () => {
    const s = story();
    s.type(s.ana, (t) => t.insert(0, 'Huge '));
    await expect(settleEdits(Object.values(s.edits), () => Promise.reject(new Error('connection refused')), () => undefined)).rejects.toThrow('connection refused');
    expect(s.edits.ana.unconfirmed).toBe(1);
    expect(s.headline()).toBe('Huge Fire at the harbour');
  });
});
