import 'server-only';
import type { DocNode } from '@/db/schema';
import { safeLinkHref } from './links';

/** Control characters other than tab and newline never belong in a story. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2028\u2029\uFEFF]/g;
export const cleanText = (value: string) => value.replace(CONTROL, '');

const MAX_TEXT = 300_000;
const MAX_DEPTH = 8;
const MAX_NODES = 20_000;

const BLOCK_CONTAINERS: Record<string, ReadonlySet<string>> = {
  doc: new Set(['paragraph', 'heading', 'blockquote', 'pullQuote', 'bulletList', 'orderedList', 'horizontalRule', 'image']),
  blockquote: new Set(['paragraph']),
  pullQuote: new Set(['paragraph']),
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  listItem: new Set(['paragraph', 'bulletList', 'orderedList']),
};

export class InvalidDocumentError extends Error {}

/**
 * Rebuilds a story body from an editor's JSON, keeping only the node types, attributes and
 * marks the reader renderer knows, and only safe links. Anything else (script-looking
 * nodes, unknown attributes, javascript: links) is dropped, keeping its text.
 */
export function sanitizeDocument(input: unknown): DocNode {
  let nodes = 0;
  let textLength = 0;

  const inline = (node: unknown): DocNode[] => {
    if (!node || typeof node !== 'object') return [];
    const n = node as DocNode;
    if (++nodes > MAX_NODES) throw new InvalidDocumentError('The story is too long to save.');
    if (n.type === 'hardBreak') return [{ type: 'hardBreak' }];
    if (n.type !== 'text') return (n.content ?? []).flatMap(inline);
    const text = cleanText(typeof n.text === 'string' ? n.text : '');
    if (!text) return [];
    textLength += text.length;
    if (textLength > MAX_TEXT) throw new InvalidDocumentError('The story is too long to save.');
    const marks: NonNullable<DocNode['marks']> = [];
    for (const mark of Array.isArray(n.marks) ? n.marks : []) {
      if (mark?.type === 'bold' || mark?.type === 'italic') marks.push({ type: mark.type });
      if (mark?.type === 'link') {
        const href = safeLinkHref(mark.attrs?.href);
        if (href) marks.push({ type: 'link', attrs: { href } });
      }
    }
    return [marks.length ? { type: 'text', text, marks } : { type: 'text', text }];
  };

  const block = (node: unknown, parent: string, depth: number): DocNode[] => {
    if (!node || typeof node !== 'object') return [];
    const n = node as DocNode;
    if (++nodes > MAX_NODES) throw new InvalidDocumentError('The story is too long to save.');
    if (depth > MAX_DEPTH) return [];
    const allowed = BLOCK_CONTAINERS[parent]!;
    if (!allowed.has(n.type)) {
      // Unknown or misplaced: keep the words as a paragraph where paragraphs may go.
      const words = inline(n);
      return words.length && allowed.has('paragraph') ? [{ type: 'paragraph', content: words }] : [];
    }
    switch (n.type) {
      case 'paragraph': {
        const content = (n.content ?? []).flatMap(inline);
        return [content.length ? { type: 'paragraph', content } : { type: 'paragraph' }];
      }
      case 'heading': {
        const level = n.attrs?.level === 3 ? 3 : 2;
        const content = (n.content ?? []).flatMap(inline);
        return content.length ? [{ type: 'heading', attrs: { level }, content }] : [];
      }
      case 'horizontalRule':
        return [{ type: 'horizontalRule' }];
      case 'image': {
        const mediaId = n.attrs?.mediaId;
        return typeof mediaId === 'string' && /^[0-9a-f-]{36}$/.test(mediaId) ? [{ type: 'image', attrs: { mediaId } }] : [];
      }
      case 'orderedList': {
        const start = Number(n.attrs?.start);
        const content = (n.content ?? []).flatMap((child) => block(child, n.type, depth + 1));
        if (!content.length) return [];
        return [{ type: 'orderedList', ...(Number.isInteger(start) && start > 1 && start < 10_000 ? { attrs: { start } } : {}), content }];
      }
      default: {
        const content = (n.content ?? []).flatMap((child) => block(child, n.type, depth + 1));
        return content.length ? [{ type: n.type, content }] : [];
      }
    }
  };

  if (!input || typeof input !== 'object' || (input as DocNode).type !== 'doc') {
    throw new InvalidDocumentError('The story body could not be read.');
  }
  const content = ((input as DocNode).content ?? []).flatMap((child) => block(child, 'doc', 1));
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** Media ids of the pictures in a body. */
export function imagesIn(doc: DocNode, found: string[] = []): string[] {
  if (doc.type === 'image' && typeof doc.attrs?.mediaId === 'string') found.push(doc.attrs.mediaId);
  for (const child of doc.content ?? []) imagesIn(child, found);
  return found;
}
