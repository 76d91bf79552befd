import { expect, test } from '@playwright/test';
import validator from 'structured-data-testing-tool';
import presets from 'structured-data-testing-tool/presets.js';

// CommonJS modules: their exports are read from the default import.
const { structuredDataTest } = validator;
const { Google, Twitter, Facebook } = presets;

type Failure = { description?: string; test?: string; error?: { message?: string } };
type Outcome = { passed: unknown[]; failed: Failure[] };

/** What an outside validator says of a page: Google's, Twitter's and Facebook's required markup. */
async function validate(html: string): Promise<Outcome> {
  try {
    return (await structuredDataTest(html, { presets: [Google, Twitter, Facebook] })) as Outcome;
  } catch (error) {
    const failed = (error as { type?: string; res?: Outcome }).res;
    if ((error as { type?: string }).type === 'VALIDATION_FAILED' && failed) return failed;
    throw error;
  }
}

test('every kind of reader page passes the Google, Twitter and Facebook structured-data checks', async ({ request }) => {
  const home = await (await request.get('/')).text();
  const first = (pattern: RegExp) => home.match(pattern)?.[0] ?? '';
  const article = first(/\/articles\/[a-z0-9-]+/);
  const section = first(/\/sections\/[a-z0-9-]+/);
  const story = await (await request.get(article)).text();
  const author = story.match(/\/authors\/[a-z0-9-]+/)?.[0] ?? '';
  const tag = story.match(/\/tags\/[a-z0-9-]+/)?.[0] ?? '';
  const sectionPage = await (await request.get(section)).text();
  const laterPage = sectionPage.match(/\/sections\/[a-z0-9-]+\?page=2/)?.[0] ?? `${tag}?page=2`;
  const pages = ['/', article, section, author, tag, '/search?q=harbour', '/corrections'];
  // A second page of a list, where one exists (a section's or a topic's).
  if ((await request.get(laterPage)).ok()) pages.push(laterPage);
  for (const path of pages) expect(path, 'a reader address found from the home page').toMatch(/^\//);

  for (const path of pages) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const outcome = await validate(await response.text());
    const failures = outcome.failed.map((f) => `${f.description ?? f.test}${f.error?.message ? `: ${f.error.message}` : ''}`);
    expect(failures, path).toEqual([]);
    expect(outcome.passed.length, path).toBeGreaterThan(8);
  }
});
