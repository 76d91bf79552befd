'use client';

import { useEffect, useRef, type TextareaHTMLAttributes } from 'react';
import type * as Y from 'yjs';
import { moveCaretThrough, type TextDelta } from '@/lib/collab/caret';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  /** The field in the story's shared document. */
  text: Y.Text;
  value: string;
  onValue: (value: string) => void;
};

/**
 * A textarea for a short shared field (headline, deck). Another person's edit is written
 * into the box at once, with this person's caret and selection moved through it, rather
 * than left to React: React would put the caret at the end, and until it rendered, a
 * keystroke would be diffed against text that no longer matched the document.
 */
export function SharedTextarea({ text, value, onValue, ...props }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useEffect(() => {
    const onChange = (event: Y.YTextEvent) => {
      const node = ref.current;
      // Local edits came from this box; during IME composition the render catches up after.
      if (event.transaction.local || !node || composing.current) return;
      const delta = event.delta as TextDelta;
      const focused = node.ownerDocument.activeElement === node;
      const { selectionStart, selectionEnd, selectionDirection } = node;
      node.value = text.toString();
      if (focused) node.setSelectionRange(moveCaretThrough(selectionStart, delta), moveCaretThrough(selectionEnd, delta), selectionDirection);
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  return (
    <textarea
      ref={ref}
      value={value}
      onChange={(event) => onValue(event.target.value)}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={() => (composing.current = false)}
      {...props}
    />
  );
}
