import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import { applyTextEdit, draftOfDocument, sharedText, writeDraftIntoDocument, type SharedDraft } from './story-document';

const draft = (change: Partial<SharedDraft> = {}): SharedDraft => ({
  headline: 'Harbour bridge reopens',
  deck: 'Traffic flows again',
  slug: 'harbour-bridge',
  sectionId: 4,
  tags: ['Transport'],
  bylineIds: ['0b6e2f7e-2c1f-4f36-9a55-1d1e7f0c2a10'],
  heroMediaId: null,
  seoTitle: '',
  seoDescription: '',
  embargoUntil: null,
  body: markupToDocument(['First paragraph with **bold** text.', 'Second paragraph.']),
  ...change,
});

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('a story in its shared document', () => {
  it('reads back exactly the working copy it was filled with, also after an encode and decode', () => {
    const doc = new Y.Doc();
    writeDraftIntoDocument(doc, draft());
    expect(draftOfDocument(doc)).toEqual(draft());
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(draftOfDocument(copy)).toEqual(draft());
  });

  it('merges two people typing in the same headline letter by letter', () => {
    const a = new Y.Doc();
    writeDraftIntoDocument(a, draft());
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
    writeDraftIntoDocument(server, draft());
    const offline = new Y.Doc();
    sync(server, offline);
    applyTextEdit(sharedText(offline, 'deck'), 'Traffic flows again, slowly');
    writeDraftIntoDocument(server, draft({ headline: 'Restored headline', body: markupToDocument(['First paragraph with **bold** text.', 'Restored second.']) }));
    sync(server, offline);
    const merged = draftOfDocument(offline);
    expect(merged.headline).toBe('Restored headline');
    expect(merged.deck).toBe('Traffic flows again, slowly');
    expect(merged.body).toEqual(markupToDocument(['First paragraph with **bold** text.', 'Restored second.']));
    expect(draftOfDocument(server)).toEqual(merged);
  });
});
