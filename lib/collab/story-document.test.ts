import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import { sharedDraft } from '@/test/shared-draft';
import { applyTextEdit, draftOfDocument, sharedText, writeDraftIntoDocument } from './story-document';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('a story in its shared document', () => {
  it('reads back exactly the working copy it was filled with, also after an encode and decode', () => {
    const doc = new Y.Doc();
    writeDraftIntoDocument(doc, sharedDraft());
    expect(draftOfDocument(doc)).toEqual(sharedDraft());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(draftOfDocument(copy)).toEqual(sharedDraft());
  });

  it('merges two people typing in the same headline letter by letter', () => {
    const a = new Y.Doc();
    writeDraftIntoDocument(a, sharedDraft());
    const b = new Y.Doc();
    sync(a, b);
    applyTextEdit(sharedText(a, 'headline'), 'Harbour bridge reopens at last');
    applyTextEdit(sharedText(b, 'headline'), 'Old harbour bridge reopens');
    sync(a, b);
    expect(sharedText(a, 'headline').toString()).toBe('Old harbour bridge reopens at last');
    expect(sharedText(b, 'headline').toString()).toBe(sharedText(a, 'headline').toString());
  });

  it('folds a restored working copy in as one change, merging with an offline edit instead of duplicating', () => {
    const server = new Y.Doc();
    writeDraftIntoDocument(server, sharedDraft());
    const offline = new Y.Doc();
    sync(server, offline);
    applyTextEdit(sharedText(offline, 'deck'), 'Traffic flows again, slowly');
    writeDraftIntoDocument(server, sharedDraft({ headline: 'Restored headline', body: markupToDocument(['First paragraph with **bold** text.', 'Restored second.']) }));
    sync(server, offline);
    const merged = draftOfDocument(offline);
    expect(merged.headline).toBe('Restored headline');
    expect(merged.deck).toBe('Traffic flows again, slowly');
    expect(merged.body).toEqual(markupToDocument(['First paragraph with **bold** text.', 'Restored second.']));
    expect(draftOfDocument(server)).toEqual(merged);
  });
});
