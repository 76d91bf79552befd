import { mergeAttributes, Node } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { safeLinkHref } from '@/lib/content/links';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: { togglePullQuote: () => ReturnType };
    mediaImage: { insertMediaImage: (mediaId: string) => ReturnType };
  }
}

/** A quotation pulled out of the text for display: `<aside><blockquote>` for readers. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  parseHTML: () => [{ tag: 'aside.pull-quote' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), ['blockquote', 0]],
  addCommands() {
    return { togglePullQuote: () => ({ commands }) => commands.toggleWrap(this.name) };
  },
});

/**
 * A picture from the media library, stored as its id only; its caption and credit come
 * from the library. Pasted pictures (no id) are not kept: they must go through the library.
 */
export const MediaImage = Node.create<{ previewUrl: (mediaId: string) => string | undefined }>({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addOptions: () => ({ previewUrl: () => undefined }),
  addAttributes: () => ({ mediaId: { default: null, parseHTML: (el) => el.getAttribute('data-media-id') } }),
  parseHTML: () => [{ tag: 'figure[data-media-id]' }],
  renderHTML({ node }) {
    const src = this.options.previewUrl(node.attrs.mediaId);
    return ['figure', { 'data-media-id': node.attrs.mediaId, class: 'editor-figure' }, ['img', { src: src ?? '', alt: '' }]];
  },
  addCommands() {
    return { insertMediaImage: (mediaId) => ({ commands }) => commands.insertContent({ type: this.name, attrs: { mediaId } }) };
  },
});

export function storyExtensions(previewUrl: (mediaId: string) => string | undefined, options: { undoRedo?: false } = {}) {
  return [
    StarterKit.configure({
      ...options,
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['mailto'],
        isAllowedUri: (url) => safeLinkHref(url) !== null,
      },
    }),
    PullQuote,
    MediaImage.configure({ previewUrl }),
  ];
}
