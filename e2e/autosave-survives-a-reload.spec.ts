import { expect, test } from '@playwright/test';
import { expectSaved, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('reporter') });

test('typing that was not saved yet survives a reload and is offered back', async ({ page }) => {
  await startStory(page, `Library hours story ${unique()}`, 'Port Calder');
  await typeInStory(page, 'Saved part.');
  await expectSaved(page);
  await typeInStory(page, ' Unsaved part typed just before the tab closed.');
  await page.reload();

  const offer = page.getByRole('alert').filter({ hasText: 'This browser kept changes' });
  await expect(offer).toBeVisible();
  await expect(storyText(page)).not.toContainText('Unsaved part');
  await offer.getByRole('button', { name: 'Restore them' }).click();
  await expect(storyText(page)).toContainText('Unsaved part typed just before the tab closed.');
  await expectSaved(page);
  await page.reload();
  await expect(storyText(page)).toContainText('Unsaved part typed just before the tab closed.');
  await expect(page.getByRole('alert').filter({ hasText: 'This browser kept changes' })).toHaveCount(0);
});
