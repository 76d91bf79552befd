import { expect, test } from '@playwright/test';
import { expectSaved, openStory, reloadStory, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('reporter') });

test('typing offline in a tab that is then closed is kept in the browser and offered back', async ({ page, context }) => {
  const id = await startStory(page, `Library hours story ${unique()}`, 'Port Calder');
  await typeInStory(page, 'Saved part.');
  await expectSaved(page);
  await reloadStory(page);
  // Everything reached the server: nothing to offer.
  await expect(storyText(page)).toContainText('Saved part.');
  await expect(page.getByRole('alert').filter({ hasText: 'This browser kept changes' })).toHaveCount(0);

  await context.setOffline(true);
  await expect(page.getByTestId('save-state')).toHaveText('Offline — your changes will be merged when you reconnect');
  await typeInStory(page, ' Offline part typed just before the tab closed.');
  await page.close();
  await context.setOffline(false);

  const again = await context.newPage();
  await openStory(again, id);
  const offer = again.getByRole('alert').filter({ hasText: 'This browser kept changes' });
  await expect(offer).toBeVisible();
  await expect(storyText(again)).not.toContainText('Offline part');
  await offer.getByRole('button', { name: 'Restore them' }).click();
  await expect(storyText(again)).toContainText('Offline part typed just before the tab closed.');
  await expectSaved(again);
  await reloadStory(again);
  await expect(storyText(again)).toContainText('Offline part typed just before the tab closed.');
  await expect(again.getByRole('alert').filter({ hasText: 'This browser kept changes' })).toHaveCount(0);
});
