import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { siteSettings } from '@/db/schema';
import { expireTags } from '@/lib/cache/expire';
import { tellExpiryListeners } from '@/lib/cache/expiry-listeners';
import { cacheTags } from '@/lib/cache/tags';
import { network, site } from '@/lib/config';
import { createPreviewLink, revokePreviewLink } from '@/lib/workflow/preview-links';
import { NOT_FOUND_PATH } from '@/lib/reader/not-found-path';
import { proxy } from '@/proxy';
import { createArticle, createSection, createTag, createUser, unique } from '@/test/factories';
import { actorOf } from '@/test/stories';

type Event = Parameters<typeof proxy>[1];
const visit = async (path: string, headers: Record<string, string> = {}) =>
  (await proxy(new NextRequest(`http://localhost${path}`, { headers }), {} as Event)) as Response;
const rewrittenTo = (response: Response) => {
  const target = response.headers.get('x-middleware-rewrite');
  return target ? new URL(target).pathname : null;
};
const passedOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('the proxy answers addresses that cannot exist before anything renders', () => {
  let section: Awaited<ReturnType<typeof createSection>>;
  let story: Awaited<ReturnType<typeof createArticle>>;
  beforeAll(async () => {
    section = await createSection();
    // 21 stories: two pages of 20.
    for (let i = 0; i < 21; i++) story = await createArticle({ status: 'published', sectionId: section.id });
  });

  it('serves the pages a list has', async () => {
    expect(passedOn(await visit(`/sections/${section.slug}`))).toBe(true);
    expect(rewrittenTo(await visit(`/sections/${section.slug}?page=2`))).toBe(`/sections/${section.slug}/page/2`);
  });

  it('sends pages past the end of a list to the shared 404 page', async () => {
    for (const page of ['3', '50', '9999999']) {
      expect(rewrittenTo(await visit(`/sections/${section.slug}?page=${page}`))).toBe(NOT_FOUND_PATH);
    }
  });

  it('sends unknown sections, authors and topics to the shared 404 page, on every page', async () => {
    for (const kind of ['sections', 'authors', 'tags']) {
      expect(rewrittenTo(await visit(`/${kind}/no-such-${unique()}`))).toBe(NOT_FOUND_PATH);
      expect(rewrittenTo(await visit(`/${kind}/no-such-${unique()}?page=2`))).toBe(NOT_FOUND_PATH);
    }
  });

  it('keeps page 1 of an existing but empty list (it says nothing is published yet)', async () => {
    const tag = await createTag();
    const author = await createUser({ role: 'reporter' });
    expect(passedOn(await visit(`/tags/${tag.slug}`))).toBe(true);
    expect(passedOn(await visit(`/authors/${author.slug}`))).toBe(true);
    expect(rewrittenTo(await visit(`/tags/${tag.slug}?page=2`))).toBe(NOT_FOUND_PATH);
    expect(passedOn(await visit(`/sections/${(await createSection()).slug}`))).toBe(true);
  });

  it('sends unknown and unpublished stories, and their share cards, to a 404', async () => {
    const draft = await createArticle({ status: 'draft' });
    const embargoed = await createArticle({ status: 'published', embargoUntil: new Date(Date.now() + 3_600_000) });
    for (const slug of [`no-such-story-${unique()}`, draft.slug, embargoed.slug]) {
      expect(rewrittenTo(await visit(`/articles/${slug}`))).toBe(NOT_FOUND_PATH);
      expect((await visit(`/articles/${slug}/og.png`)).status).toBe(404);
    }
    expect(passedOn(await visit(`/articles/${story.slug}`))).toBe(true);
    expect(passedOn(await visit(`/articles/${story.slug}/og.png?x=${unique()}`))).toBe(true);
  });

  it('names the cache tags of article and list pages for a CDN', async () => {
    const keys = (response: Response) => response.headers.get('Surrogate-Key')?.split(' ') ?? [];
    const article = await visit(`/articles/${story.slug}`);
    expect(keys(article)).toEqual(expect.arrayContaining([`article:${story.id}`, `slug:${story.slug}`, `live:${story.id}`, 'published-lists']));
    expect(article.headers.get('Cache-Tag')?.split(',')).toEqual(keys(article));
    // nginx's micro-cache keeps it no later than the end of this second.
    expect(Math.abs(Number(article.headers.get('X-Accel-Expires')?.slice(1)) - Date.now() / 1000)).toBeLessThan(2);
    expect(keys(await visit(`/sections/${section.slug}?page=2`))).toEqual(expect.arrayContaining(['published-lists', 'sections', 'authors']));
    // A 404 for a slug names it, so publishing that slug purges the CDN's copy of the 404.
    const missing = `no-such-story-${unique()}`;
    expect(keys(await visit(`/articles/${missing}`))).toContain(`slug:${missing}`);
  });
});

describe('search is limited per client address', () => {
  // These requests come "through one proxy", which names the client in X-Forwarded-For.
  beforeAll(() => {
    process.env.SEARCH_LIMIT_PER_MINUTE = '3';
    network.trustedProxyHops = 1;
  });
  afterAll(() => {
    delete process.env.SEARCH_LIMIT_PER_MINUTE;
    network.trustedProxyHops = 0;
  });

  it('answers 429 with Retry-After and a page a person can read, for that address only', async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const search = (from: string, q = unique()) => visit(`/search?q=${q}`, { 'x-forwarded-for': from });
    for (let i = 0; i < 3; i++) expect(passedOn(await search(address))).toBe(true);
    const refused = await search(address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.text()).toContain('Too many searches at once');
    expect(passedOn(await search('203.0.113.7'))).toBe(true);
    // The empty search form is not a search.
    expect(passedOn(await visit('/search', { 'x-forwarded-for': address }))).toBe(true);
  });
});

describe('the newsroom', () => {
  it('refuses made-up forwarding headers with 400 before the session check, which would throw on them', async () => {
    const forged: Record<string, string>[] = [{ 'x-forwarded-proto': 'gopher' }, { 'x-forwarded-host': 'bad host/../x' }];
    for (const headers of forged) {
      for (const path of ['/newsroom', '/login']) expect((await visit(path, headers)).status).toBe(400);
    }
  });
});

describe('preview links', () => {
  async function sharedStory() {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'draft', headline: `Quay wall survey ${unique()}` });
    const link = await createPreviewLink(editor, '', story.id, 1);
    return { editor, story, link, path: new URL(link.url).pathname };
  }
  const strictPolicy = (response: Response) => {
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  };

  it('an open link is passed on to the page with the nonce policy, not the reader policy', async () => {
    const { path } = await sharedStory();
    const response = await visit(path);
    expect(passedOn(response)).toBe(true);
    strictPolicy(response);
  });

  it('an ended link answers 410 with a notice, never the story; an unknown one 404', async () => {
    const { editor, story, link, path } = await sharedStory();
    await revokePreviewLink(editor, '', story.id, link.id);
    const ended = await visit(path);
    expect(ended.status).toBe(410);
    expect(ended.headers.get('cache-control')).toBe('private, no-store');
    strictPolicy(ended);
    const page = await ended.text();
    expect(page).toContain('This preview link has ended');
    expect(page).not.toContain(story.headline);

    for (const unknown of [`/preview/${'A'.repeat(43)}`, '/preview/any-token']) {
      const response = await visit(unknown);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This link does not open a preview');
    }
  });
});

describe("the proxy's own pages", () => {
  afterAll(async () => {
    await db.delete(siteSettings);
    await expireTags(cacheTags.siteSettings);
  });

  it('carry the paper\'s name from Settings, and follow a rename', async () => {
    const withdrawn = await createArticle({ status: 'unpublished' });
    // Made by the fixtures, not the workflow: say so, as the workflow's cache expiry does.
    tellExpiryListeners([cacheTags.publishedLists]);
    await db.delete(siteSettings);
    await expireTags(cacheTags.siteSettings);
    const gone = await visit(`/articles/${withdrawn.slug}`);
    expect(gone.status).toBe(410);
    // A CDN keeps it a minute: saving Settings purges it there too.
    expect(gone.headers.get('surrogate-key')!.split(' ')).toContain(cacheTags.siteSettings);
    expect(await gone.text()).toContain(`<header><a href="/">${site.name}</a></header>`);

    const name = `The Harbour Light ${unique()}`;
    await db.insert(siteSettings).values({ key: 'name', value: name });
    // Remembered: the proxy does not read the database for every such page.
    expect(await (await visit(`/articles/${withdrawn.slug}`)).text()).toContain(`<header><a href="/">${site.name}</a></header>`);
    await expireTags(cacheTags.siteSettings); // what saving Settings does
    const renamed = await (await visit(`/articles/${withdrawn.slug}`)).text();
    expect(renamed).toContain(`<header><a href="/">${name}</a></header>`);
    expect(renamed).toContain(`<title>Story withdrawn | ${name}</title>`);
  });
});
