import type { ReactNode } from 'react';
import type { DocNode } from '@/db/schema';

/**
 * Renders a stored story document for readers. It is a fixed mapping from known node types
 * to elements: no HTML from the document is ever injected, unknown nodes render only their
 * text, and links keep only http, https and mailto addresses, so a story cannot carry
 * script or event handlers onto the page.
 */
export function ArticleBody({ doc }: { doc: DocNode }) {
  return <div className="article-body">{renderChildren(doc)}</div>;
}

function renderChildren(node: DocNode): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, i));
}

export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function renderNode(node: DocNode, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{renderChildren(node)}</p>;
    case 'heading':
      return node.attrs?.level === 3 ? <h3 key={key}>{renderChildren(node)}</h3> : <h2 key={key}>{renderChildren(node)}</h2>;
    case 'blockquote':
      return <blockquote key={key}>{renderChildren(node)}</blockquote>;
    case 'pullQuote':
      return (
        <aside key={key} className="pull-quote">
          <blockquote>{renderChildren(node)}</blockquote>
        </aside>
      );
    case 'bulletList':
      return <ul key={key}>{renderChildren(node)}</ul>;
    case 'orderedList':
      return <ol key={key}>{renderChildren(node)}</ol>;
    case 'listItem':
      return <li key={key}>{renderChildren(node)}</li>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'hardBreak':
      return <br key={key} />;
    case 'text':
      return renderText(node, key);
    default:
      return <span key={key}>{renderChildren(node)}</span>;
  }
}

function renderText(node: DocNode, key: number): ReactNode {
  let result: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') result = <strong>{result}</strong>;
    else if (mark.type === 'italic') result = <em>{result}</em>;
    else if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) result = <a href={href} rel="noopener noreferrer nofollow">{result}</a>;
    }
  }
  return <span key={key}>{result}</span>;
}
