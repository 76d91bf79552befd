import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectSaved, openStory, siteLocalTime, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

/** Every reader surface where a newly published Technology story must appear. */
async function readerSurfacesShowing(request: APIRequestContext, word: string, headline: string) {
  const text = async (path: string) => (await request.get(path)).text();
  return {
    home: (await text('/')).includes(headline),
    section: (await text('/sections/technology')).includes(headline),
    feed: (await text('/feed.xml')).includes(headline),
    sitemap: (await text('/sitemap.xml')).includes(word),
    search: (await text(`/search?q=${word}`)).includes(headline),
  };
}

test('a story goes from a reporter’s draft, through review and changes, to the reader site at its scheduled time', async ({ browser, request }) => {
  test.setTimeout(180_000); // two people, two review rounds and a scheduled publish: slow on a loaded CI machine
  const word = `zeppelin${unique()}`;
  const headline = `City tests a ${word} for harbour deliveries`;

  // The reporter writes and submits.
  const reporter = await (await browser.newContext({ storageState: storageState('reporter') })).newPage();
  const id = await startStory(reporter, headline);
  await typeInStory(reporter, `A ${word} will carry parcels across the harbour for a month, the city said.`);
  await reporter.keyboard.press('ControlOrMeta+s');
  await expectSaved(reporter);
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(reporter.getByTestId('story-status')).toHaveText('In review');

  // The editor finds it in the review queue and returns it with a note.
  const editor = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  await editor.goto('/newsroom/review');
  await editor.getByRole('link', { name: headline }).click();
  await editor.getByLabel('Note for the reporter').fill('Who pays for it? Add the cost.');
  await editor.getByRole('button', { name: 'Request changes' }).click();
  await expect(editor.getByTestId('story-status')).toHaveText('Returned with notes');

  // The reporter sees the note first, revises and resubmits.
  await reporter.goto('/newsroom');
  const returned = reporter.getByRole('row', { name: new RegExp(headline) });
  await expect(returned).toContainText('Who pays for it? Add the cost.');
  await returned.getByRole('link', { name: headline }).click();
  await expect(reporter.getByRole('region', { name: 'Notes (staff only)' })).toContainText('Who pays for it?');
  await typeInStory(reporter, ' The trial costs 120,000, paid by the port authority.');
  await expectSaved(reporter);
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(reporter.getByTestId('story-status')).toHaveText('In review');

  // The editor schedules it twenty seconds ahead (room for the "not before" checks under load).
  await openStory(editor, id);
  await expect(storyText(editor)).toContainText('paid by the port authority');
  const goesOut = new Date(Date.now() + 20_000);
  await editor.getByLabel(/Publish at/).fill(siteLocalTime(goesOut));
  await editor.getByRole('button', { name: 'Schedule' }).click();
  await expect(editor.getByTestId('story-status')).toHaveText('Scheduled');

  // Not before its time…
  expect(Object.values(await readerSurfacesShowing(request, word, headline))).toEqual([false, false, false, false, false]);
  expect((await request.get(`/articles/${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`)).status()).toBe(404);

  // …and everywhere within seconds of it.
  await expect
    .poll(async () => readerSurfacesShowing(request, word, headline), { timeout: 40_000, intervals: [1_000] })
    .toEqual({ home: true, section: true, feed: true, sitemap: true, search: true });
  expect(Date.now()).toBeGreaterThanOrEqual(goesOut.getTime());
});
