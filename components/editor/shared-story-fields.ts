import type * as Y from 'yjs';
import { applyTextEdit, sharedChoices, sharedText, TEXT_FIELDS, type TextField } from '@/lib/collab/story-document';
import type { StoryDraft } from './types';

/** The story's fields other than the body, as they stand in the shared document. */
export function fieldsOf(doc: Y.Doc, previous: StoryDraft): StoryDraft {
  const choices = sharedChoices(doc);
  if (!choices.has('sectionId')) return previous;
  const next = { ...previous };
  for (const field of TEXT_FIELDS) next[field] = sharedText(doc, field).toString();
  next.sectionId = Number(choices.get('sectionId'));
  next.tags = (choices.get('tags') as string[] | undefined) ?? [];
  next.bylineIds = (choices.get('bylineIds') as string[] | undefined) ?? [];
  next.heroMediaId = (choices.get('heroMediaId') as string | null | undefined) ?? null;
  next.embargoUntil = (choices.get('embargoUntil') as string | null | undefined) ?? null;
  return next;
}

/** A local edit of fields other than the body, as one change of the shared document (the body goes there through the editor itself). */
export function writeFieldsIntoDocument(doc: Y.Doc, change: Partial<StoryDraft>): void {
  doc.transact(() => {
    for (const [key, value] of Object.entries(change)) {
      if (key === 'body') continue;
      if ((TEXT_FIELDS as readonly string[]).includes(key)) applyTextEdit(sharedText(doc, key as TextField), String(value ?? ''));
      else sharedChoices(doc).set(key, value);
    }
  });
}
