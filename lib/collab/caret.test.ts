import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveCaretThrough, type TextDelta } from './caret';

/**
 * Two pages' copies of a headline: `remote` edits its copy; the change reaches `local` as
 * an update, and the delta its observer sees moves the caret.
 */
function remoteEdit(initial: string, edit: (text: Y.Text) => void, caret: number): { text: string; caret: number } {
  const local = new Y.Doc();
  local.getText('headline').insert(0, initial);
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
  let delta: TextDelta = [];
  local.getText('headline').observe((event) => (delta = event.delta as TextDelta));
  edit(remote.getText('headline'));
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)));
  return { text: local.getText('headline').toString(), caret: moveCaretThrough(caret, delta) };
}

describe('a caret across another person’s edit', () => {
  const initial = 'Fire at the harbour';
  const caretAfter = (text: string, word: string) => text.indexOf(word) + word.length;

  it('stays after the same word when text is inserted or deleted before it', () => {
    const inserted = remoteEdit(initial, (t) => t.insert(0, 'Huge '), caretAfter(initial, 'Fire at'));
    expect(inserted.text).toBe('Huge Fire at the harbour');
    expect(inserted.caret).toBe(caretAfter(inserted.text, 'Fire at'));
    const deleted = remoteEdit(initial, (t) => t.delete(0, 5), caretAfter(initial, 'the'));
    expect(deleted.text).toBe('at the harbour');
    expect(deleted.caret).toBe(caretAfter(deleted.text, 'the'));
  });

  it('does not move for an edit after it, and is not pushed by text inserted exactly at it', () => {
    expect(remoteEdit(initial, (t) => t.insert(initial.length, ' tonight'), 4).caret).toBe(4);
    expect(remoteEdit(initial, (t) => t.delete(8, 4), 4).caret).toBe(4);
    expect(remoteEdit(initial, (t) => t.insert(4, ' fighters'), 4).caret).toBe(4);
  });

  it('lands where a deletion around it began, and never past the end', () => {
    const spanned = remoteEdit(initial, (t) => t.delete(5, 7), 9);
    expect(spanned.text).toBe('Fire harbour');
    expect(spanned.caret).toBe(5);
    const emptied = remoteEdit(initial, (t) => t.delete(0, initial.length), initial.length);
    expect(emptied).toEqual({ text: '', caret: 0 });
  });
});
