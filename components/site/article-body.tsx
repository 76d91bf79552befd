import type { ReactNode } from 'react';
import type { DocNode } from '@/db/schema';
import type { ReaderImage } from '@/lib/reader/images';
import { ReaderFigure } from './reader-image';
import { safeLinkHref } from '@/lib/content/links';

type Images = Record<string, ReaderImage>;

/**
 * Renders a stored story document for readers. It is a fixed mapping from known node types
 * to elements: no HTML from the document is ever injected, unknown nodes render only their
 * text, and links keep only http, https and mailto addresses, so a story cannot carry
 * script or event handlers onto the page.
 */
export function ArticleBody({ doc, images = {} }: { doc: DocNode; images?: Images }) {
  return <div className="article-body">{renderChildren(doc, images)}</div>;
}

function renderChildren(node: DocNode, images: Images): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, i, images));
}

function renderNode(node: DocNode, key: number, images: Images): ReactNode {
  const children = () => renderChildren(node, images);
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{children()}</p>;
    case 'heading':
      return node.attrs?.level === 3 ? <h3 key={key}>{children()}</h3> : <h2 key={key}>{children()}</h2>;
    case 'blockquote':
      return <blockquote key={key}>{children()}</blockquote>;
    case 'pullQuote':
      return (
        <aside key={key} className="pull-quote">
          <blockquote>{children()}</blockquote>
        </aside>
      );
    case 'bulletList':
      return <ul key={key}>{children()}</ul>;
    case 'orderedList':
      return <ol key={key}>{children()}</ol>;
    case 'listItem':
      return <li key={key}>{children()}</li>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'hardBreak':
      return <br key={key} />;
    case 'text':
      return renderText(node, key);
    case 'image': {
      const image = typeof node.attrs?.mediaId === 'string' ? images[node.attrs.mediaId] : undefined;
      return image ? <ReaderFigure key={key} image={image} sizes="(min-width: 768px) 672px, 100vw" /> : null;
    }
    default:
      return <span key={key}>{children()}</span>;
  }
}

function renderText(node: DocNode, key: number): ReactNode {
  let result: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') result = <strong>{result}</strong>;
    else if (mark.type === 'italic') result = <em>{result}</em>;
    else if (mark.type === 'link') {
      const href = safeLinkHref(mark.attrs?.href);
      if (href) result = <a href={href} rel="noopener noreferrer nofollow">{result}</a>;
    }
  }
  return <span key={key}>{result}</span>;
}
