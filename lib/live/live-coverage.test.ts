import { describe, expect, it } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import type { UserRole } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/permissions';
import { createArticle, createUser, unique } from '@/test/factories';
import { announceExpiredBanners, getReaderBanner, removeBreakingBanner, setBreakingBanner } from './breaking-banner';
import { buildLiveFeed } from './live-feed';
import { getSiteSettings } from '@/lib/settings/site-settings';
import { liveBlogJsonLd } from './live-structured-data';
import { changeLiveSettings, endCoverage, startLiveBlog } from './manage-live-blog';
import { createUpdate, deleteUpdate, editUpdate, setKeyEvent, setPinned } from './manage-updates';
import { getLivePage, getPollState, getReaderLiveBlog, getReaderUpdate } from './reader-live';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { buildNewsSitemap } from '@/lib/reader/sitemaps';
import { db } from '@/db/client';
import { breakingBanners } from '@/db/schema';
import { sql } from 'drizzle-orm';

const IP = '192.0.2.13';
const actorOf = (user: { id: string; role: UserRole }) => ({ id: user.id, role: user.role });
const fields = (text: string, extra: Partial<{ headline: string; keyEvent: boolean; pinned: boolean; authorIds: string[] }> = {}) => ({
  headline: '',
  body: markupToDocument([text]),
  mediaId: null,
  keyEvent: false,
  pinned: false,
  authorIds: [] as string[],
  ...extra,
});

async function liveStory(status: 'published' | 'draft' = 'published') {
  const editor = actorOf(await createUser({ role: 'editor' }));
  const reporter = actorOf(await createUser({ role: 'reporter' }));
  const story = await createArticle({ status, authorIds: [reporter.id] });
  await startLiveBlog({ actor: editor, ip: IP, articleId: story.id });
  const post = (actor: typeof editor, text: string, intent: 'post' | 'draft' = 'post', extra = {}) =>
    createUpdate({ actor, ip: IP, articleId: story.id, intent, fields: fields(text, { authorIds: [actor.id], ...extra }) });
  return { editor, reporter, story, post };
}

/** Every public surface of a live blog, asked whether it shows the text. */
async function publicSurfacesShowing(story: { id: string; slug: string; headline: string }, text: string) {
  const page = await getLivePage(story.id, null);
  const inPage = [...page.updates, ...(page.pinned ? [page.pinned] : [])].some((u) => u.bodyText.includes(text));
  const article = (await getPublishedArticleBySlug(story.slug))!;
  const jsonLd = JSON.stringify(liveBlogJsonLd(article, (await getReaderLiveBlog(story.id))!, page.updates, await getSiteSettings()));
  const feed = await buildLiveFeed({ ...story, deck: '' });
  return { page: inPage, jsonLd: jsonLd.includes(text), feed: feed.includes(text) };
}

describe('live blogs', () => {
  it('only editors start coverage; reporters on the byline post when editors allow, others never', async () => {
    const reporter = actorOf(await createUser({ role: 'reporter' }));
    const story = await createArticle({ status: 'published', authorIds: [reporter.id] });
    await expect(startLiveBlog({ actor: reporter, ip: IP, articleId: story.id })).rejects.toThrow(ForbiddenError);

    const { editor, reporter: bylined, post, story: blog } = await liveStory();
    const stranger = actorOf(await createUser({ role: 'reporter' }));
    await expect(post(stranger, 'Not my story')).rejects.toThrow(ForbiddenError);
    // Closed to reporters until an editor opens it.
    await expect(post(bylined, 'Too early from the scene')).rejects.toThrow('Editors have not opened this live blog to reporters.');
    await changeLiveSettings({ actor: editor, ip: IP, articleId: blog.id, pollSeconds: 10, reportersMayPost: true });
    await post(bylined, 'From the scene');
    await expect(post(stranger, 'Still not my story')).rejects.toThrow(ForbiddenError);
    await changeLiveSettings({ actor: editor, ip: IP, articleId: blog.id, pollSeconds: 30, reportersMayPost: false });
    await expect(post(bylined, 'Again from the scene')).rejects.toThrow('Editors have not opened this live blog to reporters.');
    await expect(changeLiveSettings({ actor: bylined, ip: IP, articleId: blog.id, pollSeconds: 5, reportersMayPost: true })).rejects.toThrow(ForbiddenError);
    expect((await getPollState(blog.id))?.pollSeconds).toBe(30);
  });

  it('a reporter changes only their own updates and cannot pin', async () => {
    const { editor, reporter, story, post } = await liveStory();
    await changeLiveSettings({ actor: editor, ip: IP, articleId: story.id, pollSeconds: 10, reportersMayPost: true });
    const mine = await post(reporter, 'Mine');
    const theirs = await post(editor, 'The desk’s');
    const ref = { actor: reporter, ip: IP, articleId: story.id };
    await expect(deleteUpdate({ ...ref, updateId: theirs.id })).rejects.toThrow(ForbiddenError);
    await expect(setPinned({ ...ref, updateId: mine.id, on: true })).rejects.toThrow(ForbiddenError);
    await setKeyEvent({ ...ref, updateId: mine.id, on: true });
    await deleteUpdate({ ...ref, updateId: mine.id });
  });

  it('a draft update appears nowhere public until it is posted', async () => {
    const { editor, story, post } = await liveStory();
    const word = `draft${unique()}`;
    await post(editor, 'Already out');
    const before = (await getPollState(story.id))!;
    const draft = await post(editor, `Secret ${word}`, 'draft');
    expect(await publicSurfacesShowing(story, word)).toEqual({ page: false, jsonLd: false, feed: false });
    expect(await getReaderUpdate(story.id, draft.id)).toBeNull();
    expect(await getPollState(story.id)).toEqual(before);

    await editUpdate({ actor: editor, ip: IP, articleId: story.id, updateId: draft.id, intent: 'post', fields: fields(`Secret ${word}`, { authorIds: [editor.id] }) });
    expect(await publicSurfacesShowing(story, word)).toEqual({ page: true, jsonLd: true, feed: true });
    const after = (await getPollState(story.id))!;
    expect(after.lastSeq).toBe(before.lastSeq + 1);
    expect(after.recentSeqs.filter((seq) => seq > before.lastSeq)).toHaveLength(1);
  });

  it('updates of an unpublished story are not answered by the poll endpoint', async () => {
    const { editor, story, post } = await liveStory('draft');
    await post(editor, 'Posted while the story is still a draft');
    expect(await getPollState(story.id)).toBeNull();
  });

  it('a deleted update is gone from the page, its permalink, the feed, the JSON-LD and the poll answer', async () => {
    const { editor, story, post } = await liveStory();
    const word = `gone${unique()}`;
    const update = await post(editor, `Wrong ${word}`, 'post', { keyEvent: true });
    expect(await publicSurfacesShowing(story, word)).toEqual({ page: true, jsonLd: true, feed: true });
    const seqs = (await getPollState(story.id))!.recentSeqs.length;
    await deleteUpdate({ actor: editor, ip: IP, articleId: story.id, updateId: update.id });
    expect(await publicSurfacesShowing(story, word)).toEqual({ page: false, jsonLd: false, feed: false });
    expect(await getReaderUpdate(story.id, update.id)).toBeNull();
    expect((await getLivePage(story.id, null)).keyEvents).toEqual([]);
    expect((await getPollState(story.id))!.recentSeqs).toHaveLength(seqs - 1);
  });

  it('newest first, one pin at a time shown first, key events listed, and pages of 20 by posting number', async () => {
    const { editor, story, post } = await liveStory();
    const ids: number[] = [];
    for (let i = 1; i <= 25; i++) ids.push((await post(editor, `Update number ${i}`, 'post', { keyEvent: i === 3 })).id);
    await setPinned({ actor: editor, ip: IP, articleId: story.id, updateId: ids[1]!, on: true });
    await setPinned({ actor: editor, ip: IP, articleId: story.id, updateId: ids[4]!, on: true });
    const first = await getLivePage(story.id, null);
    expect(first.updates).toHaveLength(20);
    expect(first.updates[0]!.bodyText).toBe('Update number 25');
    expect(first.pinned?.id).toBe(ids[4]);
    expect(first.keyEvents.map((k) => k.id)).toEqual([ids[2]]);
    const second = await getLivePage(story.id, first.olderBefore);
    expect(second.updates.map((u) => u.bodyText)).toEqual(['Update number 5', 'Update number 4', 'Update number 3', 'Update number 2', 'Update number 1']);
    expect(second.olderBefore).toBeNull();
    expect(second.pinned).toBeNull();
  });

  it('an edited update says so; the text before the edit stays in the audit log', async () => {
    const { editor, story, post } = await liveStory();
    const update = await post(editor, 'Twelve people were hurt');
    await editUpdate({ actor: editor, ip: IP, articleId: story.id, updateId: update.id, intent: 'save', fields: fields('Eleven people were hurt', { authorIds: [editor.id] }) });
    const shown = (await getReaderUpdate(story.id, update.id))!;
    expect(shown.bodyText).toBe('Eleven people were hurt');
    expect(shown.editedAt).not.toBeNull();
    const [audit] = await db.execute<{ details: { before: { text: string } } }>(
      sql`select details from audit_events where action = 'live.update_edited' and target_id = ${story.id} order by id desc limit 1`,
    );
    expect(audit!.details.before.text).toBe('Twelve people were hurt');
  });

  it('an ended blog refuses new updates and says when coverage ended', async () => {
    const { editor, story, post } = await liveStory();
    const draft = await post(editor, 'Held back', 'draft');
    await endCoverage({ actor: editor, ip: IP, articleId: story.id });
    await expect(post(editor, 'Too late')).rejects.toThrow(ActionError);
    await expect(
      editUpdate({ actor: editor, ip: IP, articleId: story.id, updateId: draft.id, intent: 'post', fields: fields('Held back', { authorIds: [editor.id] }) }),
    ).rejects.toThrow('Coverage has ended');
    await expect(endCoverage({ actor: editor, ip: IP, articleId: story.id })).rejects.toThrow(ActionError);
    const blog = (await getReaderLiveBlog(story.id))!;
    expect(blog.endedAt).not.toBeNull();
    expect((await getPollState(story.id))!.ended).toBe(true);
    const article = (await getPublishedArticleBySlug(story.slug))!;
    expect(liveBlogJsonLd(article, blog, [], await getSiteSettings()).coverageEndTime).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('the news sitemap lists an open live blog however old, and drops it once coverage ends', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'published', publishedAt: new Date(Date.now() - 5 * 86_400_000) });
    await db.execute(sql`update articles set first_published_at = published_at where id = ${story.id}`);
    expect(await buildNewsSitemap()).not.toContain(story.slug);
    await startLiveBlog({ actor: editor, ip: IP, articleId: story.id });
    expect(await buildNewsSitemap()).toContain(story.slug);
    await endCoverage({ actor: editor, ip: IP, articleId: story.id });
    expect(await buildNewsSitemap()).not.toContain(story.slug);
  });

  it('refuses empty updates and unknown authors with a message', async () => {
    const { editor, story } = await liveStory();
    await expect(
      createUpdate({ actor: editor, ip: IP, articleId: story.id, intent: 'post', fields: fields('x', { authorIds: ['00000000-0000-4000-8000-000000000000'] }) }),
    ).rejects.toThrow('Choose authors from the staff list.');
  });
});

describe('breaking-news banner', () => {
  it('editors set and remove it; reporters cannot; an expired banner is announced once', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const reporter = actorOf(await createUser({ role: 'reporter' }));
    const text = `Breaking ${unique()}`;
    await expect(setBreakingBanner(reporter, IP, { text, href: '', expiresInMinutes: 0 })).rejects.toThrow(ForbiddenError);
    await setBreakingBanner(editor, IP, { text, href: '/articles/x', expiresInMinutes: 30 });
    expect(await getReaderBanner()).toEqual({ text, href: '/articles/x' });
    await db.execute(sql`update breaking_banners set expires_at = now() - interval '1 second' where text = ${text}`);
    expect(await getReaderBanner()).toBeNull();
    expect(await announceExpiredBanners()).toBeGreaterThanOrEqual(1);
    expect(await announceExpiredBanners()).toBe(0);

    await setBreakingBanner(editor, IP, { text: `${text} again`, href: '', expiresInMinutes: 0 });
    expect((await getReaderBanner())?.text).toBe(`${text} again`);
    await expect(removeBreakingBanner(reporter, IP)).rejects.toThrow(ForbiddenError);
    expect(await removeBreakingBanner(editor, IP)).toBe(true);
    expect(await getReaderBanner()).toBeNull();
    expect((await db.select().from(breakingBanners)).length).toBeGreaterThanOrEqual(2);
  });
});
