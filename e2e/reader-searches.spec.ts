import { expect, test } from '@playwright/test';

test('a reader searches with a phrase, narrows by section and sees highlighted matches', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Search', exact: true }).first().click();
  await page.getByRole('searchbox', { name: 'Words to find' }).fill('"fish market"');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=%22fish\+market%22/);
  await expect(page.getByRole('status')).toContainText(/stor(y|ies) match/);
  await expect(page.locator('mark').first()).toHaveText(/fish|market/i);

  await page.getByRole('searchbox', { name: 'Words to find' }).fill('market');
  await page.getByRole('combobox', { name: 'Section' }).selectOption('culture');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/section=culture/);
  const results = page.locator('main article:visible');
  await expect(results.first()).toContainText('Culture');
  await expect(results.filter({ hasNotText: 'Culture' })).toHaveCount(0);
});

test('a search that finds nothing says so and suggests what to try', async ({ page }) => {
  await page.goto('/search?q=xylophonequartz');
  await expect(page.getByRole('status')).toContainText('No stories match “xylophonequartz”');
  await expect(page.getByText('Check the spelling')).toBeVisible();
});

test('hostile search input is shown as text, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>"><script>alert(2)</script>')}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('status')).toContainText('<img src=x onerror=alert(1)>');
  expect(dialogs).toEqual([]);
});
