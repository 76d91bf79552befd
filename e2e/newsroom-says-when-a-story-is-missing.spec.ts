import { expect, test } from '@playwright/test';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('editor') });

test('a story the newsroom does not have says so inside the newsroom, with the way back', async ({ page }) => {
  for (const address of ['/newsroom/articles/00000000-0000-4000-8000-000000000000', '/newsroom/articles/not-an-id/history']) {
    // Newsroom pages stream behind the signed-in frame, so the status (200) is sent before the
    // page knows the story is missing; the page says it instead (and is never indexed).
    await page.goto(address);
    await expect(page.getByRole('heading', { name: 'This story or page is not in the newsroom' })).toBeVisible();
    // The newsroom's own navigation is still there, so the editor is not stranded.
    await expect(page.getByRole('navigation', { name: 'Newsroom' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the stories' }).click();
    await expect(page).toHaveURL(/\/newsroom$/);
  }
});
