import { expect, test } from '@playwright/test';
import { unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('editor') });

test('an editor puts up a breaking-news banner on every reader page and takes it down in one click', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const text = `Bridge closed after ferry collision ${unique()}`;
  await page.goto('/newsroom/banner');
  await page.getByLabel('Banner text').fill(text);
  await page.getByLabel('Link (optional)').fill('/sections/technology');
  await page.getByRole('button', { name: 'Put up banner' }).click();
  await expect(page.getByTestId('current-banner')).toHaveText(text);

  const reader = await (await browser.newContext({ storageState: undefined })).newPage();
  for (const path of ['/', '/sections/technology', '/corrections']) {
    const response = await reader.goto(path);
    expect(response?.headers()['cache-control'] ?? '', path).not.toContain('no-store');
    const banner = reader.getByRole('region', { name: 'Breaking news' });
    await expect(banner, path).toContainText(text);
    await expect(banner.getByRole('link', { name: text })).toHaveAttribute('href', '/sections/technology');
  }

  await page.getByRole('button', { name: 'Remove banner' }).click();
  await expect(page.getByText('No banner is up.')).toBeVisible();
  // A new visitor: reader pages allow browsers stale-while-revalidate, so a browser that saw
  // a page in the last ten minutes may show its old copy once (see docs/live-coverage.md).
  const next = await (await browser.newContext({ storageState: undefined })).newPage();
  for (const path of ['/', '/sections/technology', '/corrections']) {
    await next.goto(path);
    await expect(next.getByText(text), path).toHaveCount(0);
  }
  await reader.context().close();
  await next.context().close();
});
