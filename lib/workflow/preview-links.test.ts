import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { articles, previewLinks, users } from '@/db/schema';
import { changeRole, setUserActive } from '@/lib/users/manage-users';
import { createArticle, createUser } from '@/test/factories';
import { actorOf, versionOf } from '@/test/stories';
import { getPreviewForToken } from './preview';
import { createPreviewLink, findPreviewLinks, revokePreviewLink } from './preview-links';
import { applyTransition } from '@/lib/publishing/apply-transition';

async function shared(status: 'draft' | 'published' = 'draft') {
  const editor = actorOf(await createUser({ role: 'editor' }));
  const story = await createArticle({ status, headline: `Shared story ${Math.random()}` });
  const link = await createPreviewLink(editor, '', story.id, 2);
  const token = link.url.split('/preview/')[1]!;
  return { editor, story, link, token };
}

const opens = async (token: string) => (await getPreviewForToken(token))?.headline ?? null;

describe('preview links', () => {
  it('are unguessable, and only a hash of the token is stored', async () => {
    const { story, token } = await shared();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(token).not.toContain(story.id);
    const rows = await db.select().from(previewLinks).where(eq(previewLinks.articleId, story.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(await opens(token)).toBe(story.headline);
    expect(await opens(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await opens('not-a-token')).toBeNull();
  });

  it('are listed on the story, and end when revoked', async () => {
    const { editor, story, link, token } = await shared();
    const listed = await findPreviewLinks(editor, story.id);
    expect(listed).toEqual([expect.objectContaining({ id: link.id, state: 'active', createdBy: expect.any(String) })]);
    await expect(revokePreviewLink(actorOf(await createUser()), '', story.id, link.id)).rejects.toThrow(/permission/);
    expect(await opens(token)).toBe(story.headline);

    await revokePreviewLink(editor, '', story.id, link.id);
    expect(await opens(token)).toBeNull();
    expect((await findPreviewLinks(editor, story.id))[0]).toMatchObject({ state: 'revoked' });
  });

  it('end when they expire', async () => {
    const { editor, story, link, token } = await shared();
    await db.update(previewLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(previewLinks.id, link.id));
    expect(await opens(token)).toBeNull();
    expect((await findPreviewLinks(editor, story.id))[0]).toMatchObject({ state: 'expired' });
  });

  it('end when the story is unpublished, and stay ended if it is published again', async () => {
    const { editor, story, token } = await shared('published');
    expect(await opens(token)).toBe(story.headline);
    await applyTransition(editor, '', story.id, 'unpublish', { text: 'Legal asked us to.' });
    expect(await opens(token)).toBeNull();
    expect((await findPreviewLinks(editor, story.id))[0]).toMatchObject({ state: 'ended', endedBecause: 'The story was unpublished.' });
    await applyTransition(editor, '', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
    expect(await opens(token)).toBeNull();
  });

  it('stop working for a story whose state no longer allows previews, however it got there', async () => {
    const { story, token } = await shared('published');
    await db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, story.id));
    expect(await opens(token)).toBeNull();
  });

  it('end when their creator is deactivated, or can no longer share previews', async () => {
    const admin = actorOf(await createUser({ role: 'admin' }));
    const { editor, story, token } = await shared();
    await setUserActive({ actor: admin, ip: '', userId: editor.id, active: false });
    expect(await opens(token)).toBeNull();
    expect((await findPreviewLinks(admin, story.id))[0]).toMatchObject({ state: 'ended', endedBecause: 'Its creator’s account was deactivated.' });
    await setUserActive({ actor: admin, ip: '', userId: editor.id, active: true });
    expect(await opens(token)).toBeNull();

    const demoted = await shared();
    await changeRole({ actor: admin, ip: '', userId: demoted.editor.id, role: 'reporter' });
    expect(await opens(demoted.token)).toBeNull();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, demoted.editor.id));
    expect(row?.role).toBe('reporter');
  });
});
