import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articleRevisions, type DocNode } from '@/db/schema';
import { saveStory } from '@/lib/workflow/save-story';
import { createArticle, createUser } from '@/test/factories';
import { fieldsOf } from '@/test/stories';
import { storyWordCount } from './document';
import { safeLinkHref } from './links';

const text = (value: string): DocNode => ({ type: 'text', text: value });
const block = (type: string, ...content: DocNode[]): DocNode => ({ type, content });

/** A body as Tiptap sends it: headings, lists, quotes, a pull quote, a line break, a picture. */
const body: DocNode = block(
  'doc',
  block('heading', text('Council votes')),
  block('paragraph', text('The vote, 7–2, came late.'), { type: 'hardBreak' }, text('Nobody left early.')),
  block('bulletList', block('listItem', block('paragraph', text('one'))), block('listItem', block('paragraph', text('two words')))),
  block('blockquote', block('paragraph', text('“We will see,” she said.'))),
  block('pullQuote', block('paragraph', text('A pulled quote'))),
  block('paragraph', text('Ends — with a dash and 3 numbers: 1, 2, 3.')),
);

describe('the editor’s live word count', () => {
  it('equals the count the server saves with the revision', async () => {
    const reporter = await createUser();
    const story = await createArticle({ authorIds: [reporter.id] });
    const fields = await fieldsOf(story.id, { headline: 'Port Calder’s council votes', deck: 'A late night — and a surprise', body });
    // What the editor shows, from the draft it holds.
    const live = storyWordCount({ headline: fields.headline, deck: fields.deck, body });
    const outcome = await saveStory({ actor: { id: reporter.id, role: 'reporter' }, ip: '', articleId: story.id, reason: 'save', fields });
    expect(outcome.status).toBe('saved');
    const [saved] = await db
      .select({ wordCount: articleRevisions.wordCount })
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, story.id))
      .orderBy(desc(articleRevisions.id))
      .limit(1);
    expect(saved!.wordCount).toBe(live);
    // Counted by hand: dashes and punctuation alone are not words; "7–2" and "1," are.
    expect(live).toBe(41);
  });
});

describe('the editor’s link check', () => {
  it('is the server’s: web and mail links only', () => {
    expect(safeLinkHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeLinkHref('mailto:desk@example.com')).toBe('mailto:desk@example.com');
    expect(safeLinkHref('javascript:alert(1)')).toBeNull();
    expect(safeLinkHref('example.com')).toBeNull();
  });
});
