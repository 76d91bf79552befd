import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markupToDocument } from '@/db/seed/markup';
import { sharedDraft } from '@/test/shared-draft';
import { draftOfDocument, sharedChoices, writeDraftIntoDocument } from '@/lib/collab/story-document';
import { fieldsOf, writeFieldsIntoDocument } from './shared-story-fields';

const draft = sharedDraft();

describe("the story editor's fields in the shared document", () => {
  it('writes a local edit of fields into the document, leaves the body to the editor, and reads the fields back', () => {
    const doc = new Y.Doc();
    writeDraftIntoDocument(doc, draft);
    const change = { headline: 'Harbour bridge reopens at last', tags: ['Transport', 'City'], heroMediaId: 'a1b2', body: markupToDocument(['Not from here.']) };
    writeFieldsIntoDocument(doc, change);
    expect(draftOfDocument(doc)).toEqual({ ...draft, headline: change.headline, tags: change.tags, heroMediaId: 'a1b2' });
    expect(sharedChoices(doc).has('body')).toBe(false);
    expect(fieldsOf(doc, draft)).toEqual({ ...draft, headline: change.headline, tags: change.tags, heroMediaId: 'a1b2' });
  });

  it('keeps what the page holds until the document has the story (before the first sync)', () => {
    const empty = new Y.Doc();
    expect(fieldsOf(empty, draft)).toBe(draft);
  });
});
