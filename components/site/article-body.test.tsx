import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sanitizeDocument } from '@/lib/content/sanitize-document';
import { xssPayloads } from '@/test/attack-payloads';
import { ArticleBody } from './article-body';

/**
 * No element or attribute of the rendered body may run code, whatever the text says.
 * React escapes every `<` in text, so each `<…>` left in the markup is a real tag.
 */
const ALLOWED_TAGS = new Set(['div', 'p', 'span', 'h2', 'h3', 'blockquote', 'aside', 'ul', 'ol', 'li', 'hr', 'br', 'strong', 'em', 'a', 'figure', 'figcaption', 'picture', 'source', 'img']);
function assertInert(html: string) {
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    const name = /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase();
    expect(ALLOWED_TAGS.has(name ?? ''), tag).toBe(true);
    expect(tag, tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag, tag).not.toMatch(/\s(href|src|srcset|action)\s*=\s*"\s*(javascript|data|vbscript):/i);
    expect(tag, tag).not.toMatch(/\sstyle\s*=/i);
  }
}

describe('the reader body renderer, fed every XSS payload in the lists', () => {
  const payloads = xssPayloads();

  it(`renders all ${payloads.length} as inert text`, () => {
    for (const payload of payloads) {
      const doc = sanitizeDocument({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: payload }] },
          { type: 'heading', attrs: { level: 2, onclick: payload }, content: [{ type: 'text', text: payload }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: payload } }] }] },
          { type: 'pullQuote', content: [{ type: 'paragraph', content: [{ type: 'text', text: payload }] }] },
          { type: 'image', attrs: { mediaId: payload, src: payload } },
          { type: payload, content: [{ type: 'text', text: payload }] },
        ],
      });
      assertInert(renderToStaticMarkup(<ArticleBody doc={doc} />));
    }
  }, 180_000);

  it('keeps the words people typed', () => {
    const doc = sanitizeDocument({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert("x")</script> & "quotes"' }] }] });
    const html = renderToStaticMarkup(<ArticleBody doc={doc} />);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });
});
