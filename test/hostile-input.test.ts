import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { db } from '@/db/client';
import { signInAction } from '@/lib/actions/session';
import { saveSharedDocument } from '@/lib/collab/save-shared-document';
import { writeDraftIntoDocument } from '@/lib/collab/story-document';
import { draftOfStory } from '@/lib/workflow/working-copy';
import { addNote, findNotes } from '@/lib/workflow/notes';
import { loadStory } from '@/lib/workflow/story-record';
import { searchArticles, searchQuerySchema } from '@/lib/reader/search';
import { updateMediaText } from '@/lib/media/manage-media';
import { media } from '@/db/schema';
import { sample, sqlPayloads, xssPayloads } from './attack-payloads';
import { createArticle, createUser } from './factories';
import { signInAs } from './session';

/**
 * Attack strings typed into every field people fill in: each is either saved exactly as
 * typed (and read back the same) or refused with a message; none causes a server error.
 */
const payloads = [...sample(xssPayloads(), 120), ...sqlPayloads()];
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2028\u2029\uFEFF]/g, '').trim();

describe('hostile input', () => {
  // Hundreds of saves: well inside the default 30 s alone, not on a machine running other suites.
  // Typed into the story's shared document and saved by the collaboration server's own save
  // (what the story editor's typing goes through since issue 15).
  it(`keeps ${payloads.length} attack strings exactly as typed in headline, deck, body, tags and notes`, { timeout: 180_000 }, async () => {
    const editor = await createUser({ role: 'editor' });
    await signInAs(editor.id);
    const story = await createArticle({ authorIds: [editor.id] });
    const doc = new Y.Doc();
    writeDraftIntoDocument(doc, await draftOfStory(await loadStory(db, story.id)));
    let saves = 0;
    for (const payload of payloads) {
      const { working } = await loadStory(db, story.id);
      writeDraftIntoDocument(doc, {
        ...(await draftOfStory(await loadStory(db, story.id))),
        headline: `H ${payload}`,
        deck: payload,
        slug: working.slug,
        tags: [`t ${payload}`.slice(0, 60)],
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `B ${payload}` }] }] },
      });
      const outcome = await saveSharedDocument(story.id, doc, { actor: { userId: editor.id, sid: 'test', sessionVersion: null }, contributorIds: [editor.id] });
      // The editor may type in their own story: a save is never skipped here.
      expect(outcome.status, payload).not.toBe('skipped');
      if (outcome.status === 'invalid') {
        // Refused only for length, with a message, never a crash.
        expect(outcome.message, payload).toMatch(/\w/);
        expect(Object.keys(outcome.fieldErrors ?? {}).length, payload).toBeGreaterThan(0);
        continue;
      }
      saves++;
      const saved = (await loadStory(db, story.id)).working;
      expect(saved.headline, payload).toBe(clean(`H ${payload}`));
      expect(saved.deck, payload).toBe(clean(payload));
      expect(saved.bodyText, payload).toBe(clean(`B ${payload}`));
    }
    expect(saves).toBeGreaterThan(payloads.length / 2);
    for (const payload of sample(payloads, 40)) {
      if (!clean(payload)) continue;
      await addNote({ id: editor.id, role: 'editor' }, story.id, payload);
    }
    const notes = await findNotes({ id: editor.id, role: 'editor' }, story.id);
    expect(notes.length).toBeGreaterThan(30);
  });

  it('searches with any of them without error', async () => {
    for (const payload of payloads) {
      await expect(searchArticles(searchQuerySchema.parse({ q: payload }))).resolves.toBeDefined();
    }
  });

  it('signs nobody in with them, and answers each with a message', async () => {
    for (const payload of sample(payloads, 60)) {
      const result = await signInAction(null, { email: payload, password: payload });
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.code).toMatch(/invalid|forbidden/);
    }
  });

  it('keeps them in captions and alt text', async () => {
    const editor = { id: (await createUser({ role: 'editor' })).id, role: 'editor' as const };
    const [picture] = await db.insert(media).values({ storageKey: 'aaaaaaaaaaaaaaaaaaaa.jpg', originalFilename: 'x.jpg', mimeType: 'image/jpeg', width: 1, height: 1, bytes: 1, sha256: 'y' }).returning();
    for (const payload of sample(payloads, 60)) {
      const value = clean(payload).slice(0, 200);
      await updateMediaText(editor, '', picture!.id, { altText: value, caption: value, credit: value });
    }
  });
});
