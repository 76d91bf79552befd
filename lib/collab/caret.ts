/** A change to a Y.Text as Yjs reports it to observers (`event.delta`). */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Where a caret at `index` (in the text before a change) belongs after it: text inserted
 * before it pushes it on, text deleted before it pulls it back, a deletion that spans it
 * leaves it where the deletion began, and text inserted exactly at it goes after it (the
 * person keeps typing where they were, in front of the other's words).
 */
export function moveCaretThrough(index: number, delta: TextDelta): number {
  let at = 0;
  let moved = index;
  for (const op of delta) {
    if (at >= index) break;
    if (op.retain !== undefined) at += op.retain;
    else if (op.insert !== undefined) moved += typeof op.insert === 'string' ? op.insert.length : 1;
    else if (op.delete !== undefined) {
      moved -= Math.min(op.delete, index - at);
      at += op.delete;
    }
  }
  return moved;
}
