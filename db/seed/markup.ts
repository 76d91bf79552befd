import type { DocNode } from '../schema';

/**
 * Builds a Tiptap document from the demo stories' light markup, one block per string:
 * `## ` h2, `### ` h3, `> ` block quote, `>> ` pull quote, `- ` list item, else a paragraph.
 */
export function markupToDocument(blocks: string[]): DocNode {
  const content: DocNode[] = [];
  const text = (value: string): DocNode[] => [{ type: 'text', text: value }];
  const paragraph = (value: string): DocNode => ({ type: 'paragraph', content: text(value) });
  for (const block of blocks) {
    if (block.startsWith('### ')) {
      content.push({ type: 'heading', attrs: { level: 3 }, content: text(block.slice(4)) });
    } else if (block.startsWith('## ')) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: text(block.slice(3)) });
    } else if (block.startsWith('>> ')) {
      content.push({ type: 'pullQuote', content: [paragraph(block.slice(3))] });
    } else if (block.startsWith('> ')) {
      content.push({ type: 'blockquote', content: [paragraph(block.slice(2))] });
    } else if (block.startsWith('- ')) {
      const item: DocNode = { type: 'listItem', content: [paragraph(block.slice(2))] };
      const last = content.at(-1);
      if (last?.type === 'bulletList') last.content!.push(item);
      else content.push({ type: 'bulletList', content: [item] });
    } else {
      content.push(paragraph(block));
    }
  }
  return { type: 'doc', content };
}
