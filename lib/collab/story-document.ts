import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { DocNode } from '@/db/schema';
import { storyExtensions } from '@/lib/content/story-extensions';
import type { WorkingCopy } from '@/lib/workflow/working-copy';

/*
 * How a story lives in its shared (Yjs) document. Shared by the browser and the
 * collaboration server, so both read and write the same shapes:
 * - the body: the XML fragment Tiptap's Collaboration extension binds ("default");
 * - short text fields (headline, deck, slug, search title and description): one Y.Text
 *   each, so two people typing in the headline merge letter by letter;
 * - choices (section, bylines, tags, main picture, embargo): one Y.Map, last writer wins
 *   per field, as a choice has no sensible merge.
 */
export const BODY_FRAGMENT = 'default';
export const TEXT_FIELDS = ['headline', 'deck', 'slug', 'seoTitle', 'seoDescription'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const CHOICES_MAP = 'fields';

/** The story's fields as the shared document holds them: the working copy's draft, exactly. */
export type SharedDraft = WorkingCopy['draft'];
export type SharedChoices = Pick<SharedDraft, 'sectionId' | 'tags' | 'bylineIds' | 'heroMediaId' | 'embargoUntil'>;

export const sharedText = (doc: Y.Doc, field: TextField) => doc.getText(field);
export const sharedChoices = (doc: Y.Doc) => doc.getMap<unknown>(CHOICES_MAP);

const EMPTY_BODY: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The story fields as they stand in the document (unsaved, unvalidated: the server validates). */
export function draftOfDocument(doc: Y.Doc): SharedDraft {
  const choices = sharedChoices(doc);
  const body = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT)) as DocNode;
  return {
    headline: sharedText(doc, 'headline').toString(),
    deck: sharedText(doc, 'deck').toString(),
    slug: sharedText(doc, 'slug').toString(),
    seoTitle: sharedText(doc, 'seoTitle').toString(),
    seoDescription: sharedText(doc, 'seoDescription').toString(),
    sectionId: Number(choices.get('sectionId') ?? 0),
    tags: (choices.get('tags') as string[] | undefined) ?? [],
    bylineIds: (choices.get('bylineIds') as string[] | undefined) ?? [],
    heroMediaId: (choices.get('heroMediaId') as string | null | undefined) ?? null,
    embargoUntil: (choices.get('embargoUntil') as string | null | undefined) ?? null,
    body: body.content?.length ? body : EMPTY_BODY,
  };
}

let schema: ReturnType<typeof getSchema> | undefined;
const storySchema = () => (schema ??= getSchema(storyExtensions(() => undefined)));

/**
 * Makes the document say `draft`, as one change (one transaction, so everyone sees it at
 * once). The change is made within the same document rather than by replacing it, so a
 * client that was offline merges its edits against it instead of duplicating the story.
 */
export function writeDraftIntoDocument(doc: Y.Doc, draft: SharedDraft, origin: unknown = null): void {
  doc.transact(() => {
    for (const field of TEXT_FIELDS) {
      const text = sharedText(doc, field);
      if (text.toString() === draft[field]) continue;
      text.delete(0, text.length);
      text.insert(0, draft[field]);
    }
    const choices = sharedChoices(doc);
    const values: SharedChoices = {
      sectionId: draft.sectionId,
      tags: draft.tags,
      bylineIds: draft.bylineIds,
      heroMediaId: draft.heroMediaId,
      embargoUntil: draft.embargoUntil,
    };
    for (const [key, value] of Object.entries(values)) {
      if (JSON.stringify(choices.get(key)) !== JSON.stringify(value)) choices.set(key, value);
    }
    const fragment = doc.getXmlFragment(BODY_FRAGMENT);
    if (JSON.stringify(yXmlFragmentToProsemirrorJSON(fragment)) !== JSON.stringify(draft.body)) {
      // Rewrites the fragment to match, keeping the items of unchanged paragraphs.
      prosemirrorJSONToYXmlFragment(storySchema(), draft.body, fragment);
    }
  }, origin);
}

/**
 * Applies a local edit to a shared text with the smallest change (common prefix and suffix
 * kept), so concurrent typing elsewhere in the same field survives.
 */
export function applyTextEdit(text: Y.Text, next: string): void {
  const previous = text.toString();
  if (previous === next) return;
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start++;
  let end = 0;
  while (end < previous.length - start && end < next.length - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end++;
  text.doc!.transact(() => {
    if (previous.length - start - end > 0) text.delete(start, previous.length - start - end);
    if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
  });
}
