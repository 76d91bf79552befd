import { expect, test } from '@playwright/test';
import { unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('admin') });

test('an admin adds a section and it appears in the reader’s navigation at once', async ({ page, browser }) => {
  const name = `Science ${unique()}`;
  await page.goto('/newsroom/sections');
  const form = page.getByRole('form', { name: 'Add a section' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Description').fill('Research, discovery and the people behind them.');
  await form.getByRole('button', { name: 'Add section' }).click();
  await expect(form.getByRole('status')).toHaveText(`Section “${name}” added.`);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/');
  const link = reader.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });
  await expect(link).toBeVisible();
  await link.click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(reader.getByText('No stories have been published in this section yet.')).toBeVisible();

  const row = page.getByRole('listitem', { name });
  await row.getByRole('button', { name: 'Delete section' }).click();
  await expect(page.getByRole('listitem', { name })).toHaveCount(0);
});
