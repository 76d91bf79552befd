// No server-only: the editor counts words in the browser with these same functions.
import type { DocNode } from '@/db/schema';

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'pullQuote', 'listItem', 'figure']);

/** Plain text of a stored document: one line per block, for search, counts and diffs. */
export function documentText(doc: DocNode): string {
  const lines: string[] = [];
  let current = '';
  const walk = (node: DocNode) => {
    if (node.type === 'text') current += node.text ?? '';
    if (node.type === 'hardBreak') current += '\n';
    for (const child of node.content ?? []) walk(child);
    if (BLOCKS.has(node.type) && current.trim()) {
      lines.push(current.trim());
      current = '';
    }
  };
  walk(doc);
  if (current.trim()) lines.push(current.trim());
  return lines.join('\n');
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The words of a story as saved with each revision: headline, deck and body. */
export function storyWordCount(story: { headline: string; deck: string; body: DocNode }): number {
  return countWords(`${story.headline} ${story.deck} ${documentText(story.body)}`);
}

/** Minutes to read at an adult's average pace for news (about 230 words a minute). */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
