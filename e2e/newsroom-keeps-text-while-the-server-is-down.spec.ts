import { expect, test, type Route } from '@playwright/test';
import { expectSaved, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('reporter') });

const isServerAction = (route: Route) => route.request().method() === 'POST' && route.request().headers()['next-action'] !== undefined;

test('an autosave that cannot reach the server says so, keeps the text and saves it by itself when the server is back', async ({ page }) => {
  const id = await startStory(page, `Ferry strike story ${unique()}`, 'Port Calder');
  await typeInStory(page, 'First paragraph, saved.');
  await expectSaved(page);

  // The newsroom server stops answering: first a 503 from a proxy, then no answer at all.
  let failed = 0;
  const failSaves = async (route: Route) => {
    if (!isServerAction(route)) return route.fallback();
    failed++;
    return failed === 1 ? route.fulfill({ status: 503, body: 'Service Unavailable' }) : route.abort('connectionrefused');
  };
  await page.route(`**/newsroom/articles/${id}`, failSaves);
  await typeInStory(page, ' Second paragraph, typed while the server was down.');

  await expect(page.getByTestId('save-state')).toHaveText('Not saved — retrying', { timeout: 15_000 });
  await expect(page.getByText('your text is kept in this browser and will be saved when it is back')).toBeVisible();
  const backup = await page.evaluate((storyId) => window.localStorage.getItem(`masthead:story:${storyId}`), id);
  expect(backup).toContain('typed while the server was down');
  // It keeps trying (2 s, then 4 s) rather than giving up after one failure.
  await expect.poll(() => failed, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  // The server is back: the next try saves, with no reload and nothing clicked.
  await page.unroute(`**/newsroom/articles/${id}`, failSaves);
  await expectSaved(page);
  await expect(page.getByText('your text is kept in this browser')).toHaveCount(0);

  // What the server holds is the whole text, and the browser copy is no longer needed.
  await page.reload();
  await expect(storyText(page)).toContainText('Second paragraph, typed while the server was down.');
  await expect(page.getByRole('alert').filter({ hasText: 'This browser kept changes' })).toHaveCount(0);
});
