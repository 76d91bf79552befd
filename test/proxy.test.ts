import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { network } from '@/lib/config';
import { proxy } from '@/proxy';
import { createArticle, createSection, createTag, createUser, unique } from '@/test/factories';

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
      expect(rewrittenTo(await visit(`/sections/${section.slug}?page=${page}`))).toBe('/_not-found');
    }
  });

  it('sends unknown sections, authors and topics to the shared 404 page, on every page', async () => {
    for (const kind of ['sections', 'authors', 'tags']) {
      expect(rewrittenTo(await visit(`/${kind}/no-such-${unique()}`))).toBe('/_not-found');
      expect(rewrittenTo(await visit(`/${kind}/no-such-${unique()}?page=2`))).toBe('/_not-found');
    }
  });

  it('keeps page 1 of an existing but empty list (it says nothing is published yet)', async () => {
    const tag = await createTag();
    const author = await createUser({ role: 'reporter' });
    expect(passedOn(await visit(`/tags/${tag.slug}`))).toBe(true);
    expect(passedOn(await visit(`/authors/${author.slug}`))).toBe(true);
    expect(rewrittenTo(await visit(`/tags/${tag.slug}?page=2`))).toBe('/_not-found');
    expect(passedOn(await visit(`/sections/${(await createSection()).slug}`))).toBe(true);
  });

  it('sends unknown and unpublished stories, and their share cards, to a 404', async () => {
    const draft = await createArticle({ status: 'draft' });
    const embargoed = await createArticle({ status: 'published', embargoUntil: new Date(Date.now() + 3_600_000) });
    for (const slug of [`no-such-story-${unique()}`, draft.slug, embargoed.slug]) {
      expect(rewrittenTo(await visit(`/articles/${slug}`))).toBe('/_not-found');
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
  it('get the nonce policy, not the reader policy', async () => {
    const response = await visit('/preview/any-token');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
