import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** The tags Next itself recorded for a prerendered page in this build (its own, not the CDN's). */
function buildTags(route: string): string[] {
  const meta = JSON.parse(readFileSync(`.next/server/app/${route}.meta`, 'utf8')) as { headers: Record<string, string> };
  return meta.headers['x-next-cache-tags']!.split(',').filter((tag) => !tag.startsWith('_N_T_'));
}

test('reader responses name for a CDN every cache tag Next built them from', async ({ request }) => {
  const keysOf = async (path: string) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const keys = response.headers()['surrogate-key']!.split(' ');
    expect(response.headers()['cache-tag']!.split(','), path).toEqual(keys);
    return keys;
  };
  expect((await keysOf('/')).toSorted()).toEqual(buildTags('index').toSorted());
  expect((await keysOf('/corrections')).toSorted()).toEqual(buildTags('corrections').toSorted());

  // An article: the layout's tags from the build, and its own story's.
  const home = await (await request.get('/')).text();
  const slug = /href="\/articles\/([^"/]+)"/.exec(home)![1]!;
  const article = await keysOf(`/articles/${slug}`);
  expect(article).toEqual(expect.arrayContaining([...buildTags('articles/[slug]'), `slug:${slug}`, 'published-lists', 'most-popular']));
  expect(article.some((key) => key.startsWith('article:'))).toBe(true);

  // The newsroom names nothing: it is never cached.
  expect((await request.get('/login')).headers()['surrogate-key']).toBeUndefined();
});
