import { expect, test, type Page } from '@playwright/test';
import { expectSaved, startStory, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('editor') });

const updateText = (page: Page) => page.getByRole('textbox', { name: 'Update text' });

async function postUpdate(page: Page, text: string, options: { keyEvent?: boolean } = {}) {
  await updateText(page).click();
  await page.keyboard.type(text);
  if (options.keyEvent) await page.getByLabel('Key event').check();
  await page.getByRole('button', { name: 'Post update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Posted: readers see it now.' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: text })).toBeVisible();
}

test('an editor runs a live blog that two readers follow without reloading', async ({ page, browser, request }) => {
  test.setTimeout(420_000);
  const word = `summit${unique()}`;
  await startStory(page, `Harbour summit ${word}: live`);
  await typeInStory(page, `Leaders meet at the harbour for the ${word} summit. Follow the day here.`);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('story-status')).toHaveText('Published');
  const path = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;

  await page.getByRole('button', { name: 'Make this a live blog' }).click();
  await expect(page.getByTestId('live-state')).toHaveText('Live');
  await page.getByLabel('Readers’ pages check every (seconds)').fill('5');
  await page.getByRole('button', { name: 'Save live settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Readers’ pages pick up the new interval' })).toBeVisible();

  const readers = await Promise.all([browser.newContext({ storageState: undefined }), browser.newContext({ storageState: undefined })]);
  const readerPages = await Promise.all(readers.map((context) => context.newPage()));
  for (const reader of readerPages) {
    await reader.goto(path);
    await expect(reader.getByText('Live', { exact: true })).toBeVisible();
    await expect(reader.getByText('The first update will appear here.')).toBeVisible();
  }

  // A post reaches both readers as a notice within 15 seconds, and shows when clicked.
  const first = `The delegations have arrived at the ${word} venue.`;
  await postUpdate(page, first);
  for (const reader of readerPages) {
    await reader.getByRole('button', { name: '1 new update' }).click({ timeout: 15_000 });
    await expect(reader.getByTestId('live-update').first()).toContainText(first);
  }

  // A key event is listed in the summary, linking to the update.
  const second = `The ${word} communiqué is signed.`;
  await postUpdate(page, second, { keyEvent: true });
  const reader = readerPages[0]!;
  await reader.getByRole('button', { name: '1 new update' }).click({ timeout: 15_000 });
  const keyEvents = reader.getByRole('navigation', { name: 'Key events' });
  await expect(keyEvents.getByRole('link', { name: second })).toHaveAttribute('href', /#update-\d+$/);
  await expect(reader.getByTestId('live-update').first()).toContainText(second);

  // Without JavaScript the page is complete as of its render: both updates, newest first,
  // the key events, and each update's own address as a plain link.
  const noScript = await browser.newContext({ storageState: undefined, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(path);
  await expect(plain.getByText('Live', { exact: true })).toBeVisible();
  await expect(plain.getByTestId('live-update')).toHaveCount(2);
  await expect(plain.getByTestId('live-update').first()).toContainText(second);
  await expect(plain.getByTestId('live-update').last()).toContainText(first);
  await expect(plain.getByRole('navigation', { name: 'Key events' }).getByRole('link', { name: second })).toBeVisible();
  await plain.getByTestId('live-update').last().getByRole('link', { name: 'Link to this update' }).click();
  await expect(plain).toHaveURL(/\/updates\/\d+$/);
  await expect(plain.getByTestId('live-update')).toContainText(first);
  await noScript.close();

  // Pinning the first update puts it first, without the reader doing anything, and the
  // page's own reload leaves the reader where they were reading, not at the top.
  const readingAt = await reader.evaluate(() => {
    window.scrollTo(0, 240);
    return Math.round(window.scrollY);
  });
  expect(readingAt).toBeGreaterThan(0);
  await page.getByRole('listitem', { name: first }).getByRole('button', { name: 'Pin' }).click();
  await expect(page.getByRole('listitem', { name: first }).getByText('Pinned')).toBeVisible();
  await expect(reader.getByTestId('live-update').first()).toContainText('Pinned', { timeout: 15_000 });
  await expect(reader.getByTestId('live-update').first()).toContainText(first);
  await expect(reader).toHaveURL(/\?v=\d+$/);
  await expect.poll(() => reader.evaluate(() => Math.round(window.scrollY))).toBe(readingAt);

  // A deleted update leaves the page, the updates endpoint and the feed.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('listitem', { name: second }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('listitem', { name: second })).toHaveCount(0);
  await expect(reader.getByText(second)).toHaveCount(0, { timeout: 15_000 });
  expect(await (await request.get(`${path}/feed.xml`)).text()).not.toContain(second);
  expect(await (await request.get(`${path}/feed.xml`)).text()).toContain(first);
  const articleId = page.url().split('/').at(-1)!;
  const poll = await (await request.get(`/api/live/${articleId}?since=0`)).json();
  expect(poll).toMatchObject({ newUpdates: 1, ended: false, pollSeconds: 5 });

  // Ending coverage: the note appears, polling stops, and the JSON-LD gets its end time.
  const asked: number[] = [];
  reader.on('request', (r) => {
    if (r.url().includes('/api/live/')) asked.push(Date.now());
  });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'End coverage' }).click();
  await expect(page.getByTestId('live-state')).toHaveText('Ended');
  await expect(reader.getByText('Coverage has ended.')).toBeVisible({ timeout: 15_000 });
  const askedAtEnd = asked.length;
  await reader.waitForTimeout(12_000);
  expect(asked.length).toBe(askedAtEnd);
  const html = await (await request.get(path)).text();
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
  expect(jsonLd['@type']).toBe('LiveBlogPosting');
  expect(jsonLd.coverageEndTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  expect(jsonLd.liveBlogUpdate).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Post update' })).toHaveCount(0);
  await Promise.all(readers.map((context) => context.close()));
});
