import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articleRevisions, media } from '@/db/schema';
import { createArticle, createUser } from '@/test/factories';
import { deleteMedia, findLibrary, updateMediaText } from './manage-media';
import { uploadImage } from './upload-media';

const picture = async (shade: string) =>
  uploadImage({ id: (await createUser()).id, role: 'reporter' }, '', {
    bytes: await sharp({ create: { width: 300, height: 200, channels: 3, background: shade } }).png().toBuffer(),
    filename: 'p.png',
  });

describe('the media library', () => {
  it('finds pictures by caption, credit, alt text and uploader', async () => {
    const editor = { id: (await createUser({ role: 'editor' })).id, role: 'editor' as const };
    const { id } = await picture('#123456');
    await updateMediaText(editor, '', id, { altText: 'Cranes at the eastern terminal', caption: 'The new cranes.', credit: 'Photo: Ines Vale' });
    expect((await findLibrary(editor, { q: 'ines vale' })).map((m) => m.id)).toContain(id);
    expect((await findLibrary(editor, { q: 'eastern terminal' })).map((m) => m.id)).toContain(id);
    expect((await findLibrary(editor, { q: 'no such words anywhere' })).map((m) => m.id)).not.toContain(id);
  });

  it('refuses to delete a picture a story uses, naming the story', async () => {
    const editor = { id: (await createUser({ role: 'editor' })).id, role: 'editor' as const };
    const used = await picture('#654321');
    const story = await createArticle({ headline: 'Story with a picture' });
    await db.update(articleRevisions).set({ body: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: used.id } }] } }).where(eq(articleRevisions.id, story.revisionId));
    await expect(deleteMedia(editor, '', used.id)).rejects.toThrow(/used by “Story with a picture”/);

    const unused = await picture('#abcdef');
    await deleteMedia(editor, '', unused.id);
    expect(await db.select().from(media).where(eq(media.id, unused.id))).toEqual([]);
    await expect(deleteMedia({ id: editor.id, role: 'reporter' }, '', used.id)).rejects.toThrow(/permission/);
  });
});
