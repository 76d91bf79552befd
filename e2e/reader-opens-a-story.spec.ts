import { expect, test } from '@playwright/test';

test('a reader opens the home page, follows a story and sees its headline and byline', async ({ page }) => {
  await page.goto('/');
  const firstStory = page.getByRole('article').first().getByRole('heading').getByRole('link');
  const headline = (await firstStory.textContent())!.trim();
  expect(headline.length).toBeGreaterThan(10);

  await firstStory.click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  const byline = page.locator('article address');
  await expect(byline).toContainText(/^By \S+/);
  await expect(byline.getByRole('link').first()).toHaveAttribute('href', /^\/authors\//);
  await expect(page.getByText(/^Published : \w+ \d{1,2}, \d{4} - \d{2}:\d{2}/)).toBeVisible();
});
