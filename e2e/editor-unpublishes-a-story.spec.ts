import { expect, test } from '@playwright/test';
import { expectSaved, startStory, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('editor') });

test('an unpublished story is gone from every reader surface and every cache', async ({ page, request }) => {
  const word = `quasar${unique()}`;
  const headline = `Observatory reopens with a ${word} telescope`;
  await startStory(page, headline);
  await typeInStory(page, `The ${word} telescope is the largest in the region.`);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('story-status')).toHaveText('Published');
  const slug = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;

  // Readers see it, and the pages are now cached with it.
  // (Search results echo the query, so look for the headline, and for the address in the sitemap.)
  const surfaces = ['/', '/sections/technology', '/feed.xml', `/search?q=${word}`];
  const shows = async (path: string) => {
    const body = await (await request.get(path)).text();
    return body.includes(headline) || body.includes(slug);
  };
  for (const path of [slug, ...surfaces, '/sitemap.xml']) expect(await shows(path), path).toBe(true);

  await page.getByText('Take the story down').click();
  await page.getByLabel('Reason for unpublishing (staff only)').fill('The observatory has postponed.');
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByTestId('story-status')).toHaveText('Unpublished');

  expect((await request.get(slug)).status()).toBe(410);
  for (const path of [...surfaces, '/sitemap.xml']) expect(await shows(path), path).toBe(false);
});
