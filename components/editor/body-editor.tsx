'use client';

import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect } from 'react';
import type { DocNode } from '@/db/schema';
import { BODY_FRAGMENT } from '@/lib/collab/story-document';
import { safeLinkHref } from '@/lib/content/links';
import { storyExtensions } from '@/lib/content/story-extensions';
import type { Collaboration as SharedDocument } from './use-shared-story';

type Props = {
  initial: DocNode;
  editable: boolean;
  previewUrl: (mediaId: string) => string | undefined;
  /** `local`: typed on this page (not another person's edit arriving through the shared document). */
  onChange: (doc: DocNode, local: boolean) => void;
  onReady: (editor: Editor) => void;
  onPickImage: () => void;
  /** The text box's accessible name, when the page has more than one editor. */
  label?: string;
  compact?: boolean;
  /**
   * The story's shared document: the body is then bound to it (everyone's typing, carets
   * with names and colours) and `initial` is ignored, the document being the source.
   */
  shared?: SharedDocument;
};

/**
 * Another person's caret. The name is drawn by CSS from `data-name` (globals.css), so it is
 * never part of the story's text as the page or a screen reader reads it.
 */
function renderCaret(user: { name?: string; color?: string }): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.setAttribute('data-name', user.name ?? '');
  caret.style.setProperty('--caret-color', user.color ?? '#1d4ed8');
  return caret;
}

/** The story body in Tiptap, with a toolbar for the structures readers' pages support. */
export function BodyEditor({ initial, editable, previewUrl, onChange, onReady, onPickImage, label = 'Story text', compact = false, shared }: Props) {
  const editor = useEditor(
    {
      extensions: shared
        ? [
            // Undo is Yjs's (the Collaboration extension's): one's own edits only.
            ...storyExtensions(previewUrl, { undoRedo: false }),
            Collaboration.configure({ document: shared.doc, field: BODY_FRAGMENT }),
            CollaborationCaret.configure({ provider: shared.provider, user: shared.user, render: renderCaret }),
          ]
        : storyExtensions(previewUrl),
      ...(shared ? {} : { content: initial }),
      editable,
      immediatelyRender: false,
      editorProps: { attributes: { class: `article-body ${compact ? 'min-h-[8rem]' : 'min-h-[24rem]'} rounded-b border border-rule p-4 focus:outline-none`, 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' } },
      onUpdate: ({ editor: e, transaction }) => {
        const remote = (transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
        // A plain copy: ProseMirror's attribute objects have no prototype, which React's
        // server-action serializer would not send as data.
        if (e.isEditable || shared) onChange(JSON.parse(JSON.stringify(e.getJSON())) as DocNode, !remote);
      },
    },
    [shared],
  );
  useEffect(() => {
    if (editor) onReady(editor);
  }, [editor, onReady]);
  useEffect(() => {
    // false: switching to read-only is not an edit, so it must not mark the story unsaved.
    editor?.setEditable(editable, false);
  }, [editor, editable]);
  return (
    <div>
      {editor && <Toolbar editor={editor} disabled={!editable} onPickImage={onPickImage} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, disabled, onPickImage }: { editor: Editor; disabled: boolean; onPickImage: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      quote: e.isActive('blockquote'),
      pull: e.isActive('pullQuote'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = editor.getAttributes('link').href as string | undefined;
    const url = window.prompt('Link address (https://… or mailto:…). Leave empty to remove the link.', previous ?? 'https://');
    if (url === null) return;
    const href = safeLinkHref(url);
    if (url.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else if (href) chain().extendMarkRange('link').setLink({ href }).run();
    else window.alert('Links must start with https://, http:// or mailto:');
  };
  const buttons: { label: string; active?: boolean; run: () => void; text: string }[] = [
    { label: 'Paragraph', text: '¶', run: () => chain().setParagraph().run() },
    { label: 'Heading', text: 'H2', active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: 'Subheading', text: 'H3', active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: 'Bold', text: 'B', active: state.bold, run: () => chain().toggleBold().run() },
    { label: 'Italic', text: 'I', active: state.italic, run: () => chain().toggleItalic().run() },
    { label: 'Link', text: 'Link', active: state.link, run: setLink },
    { label: 'Block quote', text: '❝', active: state.quote, run: () => chain().toggleBlockquote().run() },
    { label: 'Pull quote', text: 'Pull quote', active: state.pull, run: () => chain().togglePullQuote().run() },
    { label: 'Bulleted list', text: '• List', active: state.bullets, run: () => chain().toggleBulletList().run() },
    { label: 'Numbered list', text: '1. List', active: state.numbers, run: () => chain().toggleOrderedList().run() },
    { label: 'Horizontal rule', text: '―', run: () => chain().setHorizontalRule().run() },
    { label: 'Insert picture', text: 'Picture', run: onPickImage },
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 rounded-t border border-b-0 border-rule bg-rule/30 p-1">
      {buttons.map((button) => (
        <button
          key={button.label}
          type="button"
          aria-label={button.label}
          aria-pressed={button.active ?? undefined}
          title={button.label}
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
          className="rounded px-2 py-1 text-sm font-semibold hover:bg-paper aria-pressed:bg-ink aria-pressed:text-paper disabled:opacity-40"
        >
          {button.text}
        </button>
      ))}
    </div>
  );
}
