import { OutgoingMessage } from '@hocuspocus/server';
import { Awareness } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectClientMessage, MAX_AWARENESS_BYTES } from './message-guard';
import { sharedChoices, sharedText } from './story-document';

const NAME = '3f1c6a52-6a1e-4f0c-9d38-7f4f4b7f0a11';
const updateMessage = (update: Uint8Array) => new OutgoingMessage(NAME).createSyncMessage().writeUpdate(update).toUint8Array();
const edit = (change: (doc: Y.Doc) => void) => {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
};

describe('inspecting a browser’s message before it is applied', () => {
  it('passes typing in the story’s own fields', () => {
    const update = edit((doc) => {
      sharedText(doc, 'headline').insert(0, 'A headline');
      sharedChoices(doc).set('tags', ['a']);
      doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    });
    expect(inspectClientMessage(updateMessage(update))).toEqual({ kind: 'update', bytes: update.length });
  });

  it('counts a deletion as adding nothing, so a story at its limit can be cut back', () => {
    const doc = new Y.Doc();
    sharedText(doc, 'deck').insert(0, 'x'.repeat(1000));
    const before = Y.encodeStateVector(doc);
    sharedText(doc, 'deck').delete(0, 1000);
    expect(inspectClientMessage(updateMessage(Y.encodeStateAsUpdate(doc, before)))).toEqual({ kind: 'update', bytes: 0 });
  });

  it('refuses a field the story does not have, and a keyed entry on a text', () => {
    expect(inspectClientMessage(updateMessage(edit((doc) => doc.getText('payload').insert(0, 'x'.repeat(100)))))).toEqual({ kind: 'refused', refusal: { code: 1008, reason: 'unknown-field' } });
    expect(inspectClientMessage(updateMessage(edit((doc) => doc.getMap('headline').set('x', 1))))).toMatchObject({ kind: 'refused', refusal: { code: 1008 } });
  });

  it('refuses an update that does not decode, and a truncated message', () => {
    expect(inspectClientMessage(updateMessage(new Uint8Array([5, 200, 200, 200, 1, 2])))).toMatchObject({ kind: 'refused', refusal: { code: 1007 } });
    const whole = updateMessage(edit((doc) => sharedText(doc, 'deck').insert(0, 'A deck')));
    expect(inspectClientMessage(whole.subarray(0, whole.length - 3))).toMatchObject({ kind: 'refused', refusal: { code: 1007 } });
  });

  it('refuses a broadcast to every page in the story (a forged "saved" or "access")', () => {
    const message = new OutgoingMessage(NAME).writeBroadcastStateless(JSON.stringify({ type: 'access', mode: 'edit' })).toUint8Array();
    expect(inspectClientMessage(message)).toEqual({ kind: 'refused', refusal: { code: 1008, reason: 'message-not-allowed' } });
  });

  it('reads presence’s client ids, and refuses oversized or malformed presence', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Ana', color: '#1d4ed8' } });
    const ok = new OutgoingMessage(NAME).createAwarenessUpdateMessage(awareness, [awareness.clientID]).toUint8Array();
    expect(inspectClientMessage(ok)).toEqual({ kind: 'awareness', entries: [{ clientId: awareness.clientID, clock: 1, removed: false }] });
    awareness.setLocalState({ padding: 'x'.repeat(MAX_AWARENESS_BYTES) });
    const big = new OutgoingMessage(NAME).createAwarenessUpdateMessage(awareness, [awareness.clientID]).toUint8Array();
    expect(inspectClientMessage(big)).toMatchObject({ kind: 'refused', refusal: { code: 1009 } });
    awareness.setLocalState({ user: 'x' });
    const bad = new OutgoingMessage(NAME).createAwarenessUpdateMessage(awareness, [awareness.clientID]).toUint8Array();
    bad[bad.length - 1] = 0x22; // the JSON's closing brace becomes a quote
    expect(inspectClientMessage(bad)).toMatchObject({ kind: 'refused', refusal: { code: 1007 } });
  });
});
