import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { unique } from './support/newsroom';
import { rawRequest } from './support/raw-http';

/**
 * Next keeps every page and route it renders after the build in `.next/server/route-cache`,
 * on disk, one entry per path (the query string is not part of the key). Made-up addresses
 * must not add entries there: each would cost a render and disk space, without bound.
 */
const ROUTE_CACHE = join(process.cwd(), '.next/server/route-cache');
function cachedPaths(): string[] {
  try {
    return readdirSync(ROUTE_CACHE, { recursive: true, encoding: 'utf8' });
  } catch {
    return []; // nothing rendered since the build yet
  }
}

const STORY = 'city-council-approves-2400-homes-on-former-shipyard-site';
const served = async (api: APIRequestContext, path: string) => {
  const response = await api.get(path, { maxRedirects: 0 });
  // Next's own cache says HIT or STALE; a story page, rendered per request, is kept by the app's page cache (hit, stale).
  const headers = response.headers();
  return { status: response.status(), cache: headers['x-nextjs-cache'] ?? headers['x-page-cache']?.toUpperCase(), body: await response.body() };
};

test('pages past the end of a list, and made-up lists and stories, are 404s that leave nothing in the cache', async ({ request }) => {
  const id = unique();
  const made = [
    ...['3', '77', '4096', '9999999'].map((page) => `/sections/national?page=${page}`),
    ...['/sections', '/authors', '/tags'].flatMap((kind) => [`${kind}/no-such-${id}`, `${kind}/no-such-${id}?page=2`]),
    `/tags/city-hall?page=500`,
    `/articles/no-such-story-${id}`,
    `/articles/no-such-story-${id}/og.png`,
  ];
  for (const path of made) expect((await served(request, path)).status, path).toBe(404);
  const notFound = await request.get(`/sections/national?page=9999999`);
  await expect(notFound.text()).resolves.toContain('We could not find that page');
  const leftBehind = cachedPaths().filter((path) => path.includes(id) || /sections\/national\/page\/(3|77|4096|9999999)\./.test(path) || /city-hall\/page\/500\./.test(path));
  expect(leftBehind).toEqual([]);
});

test('a query string does not make a new copy of a story page or its share card', async ({ request }) => {
  for (const path of [`/articles/${STORY}`, `/articles/${STORY}/og.png`]) {
    // Rendered (or prerendered) once, by path; a stale copy is made again in the background.
    expect((await served(request, path)).status).toBe(200);
    await new Promise((done) => setTimeout(done, 2_000));
    await served(request, path);
    await new Promise((done) => setTimeout(done, 2_000));
    const before = cachedPaths().filter((entry) => entry.includes(STORY)).sort();
    // Served from the copy kept for the path, not made again for each address: in a round of
    // five made-up addresses, at most one is rendered. A publish by a test running alongside
    // clears the app's page cache up to four times in two seconds (lib/cache/expire.ts), and
    // each clear costs one render by path, so a round may meet two: up to three rounds are
    // tried. Were the query part of the key, every answer of every round would be a render.
    const rounds: string[] = [];
    for (let round = 0; round < 3; round++) {
      const answers: (string | undefined)[] = [];
      for (let i = 0; i < 5; i++) {
        const again = await served(request, `${path}?x=${unique()}&utm_source=${unique()}`);
        expect(again.status).toBe(200);
        answers.push(again.cache);
      }
      rounds.push(answers.join(', '));
      if (answers.filter((cache) => cache === 'HIT' || cache === 'STALE').length >= answers.length - 1) break;
      await new Promise((done) => setTimeout(done, 2_500));
    }
    expect(rounds.at(-1)!.split(', ').filter((cache) => cache === 'HIT' || cache === 'STALE').length, `${path}: ${rounds.join(' | ')}`).toBeGreaterThanOrEqual(4);
    expect(cachedPaths().filter((entry) => entry.includes(STORY)).sort()).toEqual(before);
  }
});

test('one address searching too fast gets 429 with Retry-After and a readable page; others still search', async ({ request }) => {
  // This client comes from 127.0.0.2, so the limit it reaches is its own, not the other journeys'.
  const from = '127.0.0.2';
  const search = () => rawRequest({ path: `/search?q=harbour+${unique()}`, from });
  const answers = [];
  // SEARCH_LIMIT_PER_MINUTE is 60 by default.
  for (let i = 0; i < 61; i++) answers.push(await search());
  expect(answers.slice(0, 60).map((answer) => answer.status)).toEqual(Array(60).fill(200));
  const refused = answers[60]!;
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(refused.headers['cache-control']).toBe('no-store');
  expect(refused.body).toContain('Too many searches at once');
  expect(refused.body).toMatch(/try again in \d+ seconds?/);

  expect((await request.get('/search?q=harbour')).status()).toBe(200);
  expect((await rawRequest({ path: '/search', from })).status).toBe(200); // the empty form is not a search
});
