import { expect, test } from '@playwright/test';

test('a reader pages through a section newest first, twenty stories a page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Port Calder' }).click();
  await expect(page).toHaveURL(/\/sections\/port-calder$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Port Calder');
  const stories = page.locator('main article:visible');
  await expect(stories).toHaveCount(20);
  const firstOnPageOne = await stories.first().getByRole('heading').textContent();

  await page.getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL(/\/sections\/port-calder\?page=2$/);
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  expect(await stories.count()).toBeGreaterThan(0);
  await expect(stories.first().getByRole('heading')).not.toHaveText(firstOnPageOne!);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/sections\/port-calder\?page=2$/);

  await page.getByRole('link', { name: 'Newer' }).click();
  await expect(page).toHaveURL(/\/sections\/port-calder$/);
  await expect(stories.first().getByRole('heading')).toHaveText(firstOnPageOne!);
});

test('an author page shows the reporter’s photo, bio and stories', async ({ page }) => {
  await page.goto('/authors/mira-castellanos');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mira Castellanos');
  await expect(page.getByText('City Hall reporter')).toBeVisible();
  await expect(page.getByText(/covers City Hall, housing and transport/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Portrait illustration of Mira Castellanos/ })).toBeVisible();
  await expect(page.locator('main article:visible').first()).toBeVisible();
});

test('a topic page lists the stories with that tag', async ({ page }) => {
  await page.goto('/articles/city-council-approves-2400-homes-on-former-shipyard-site');
  await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'Northquay' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northquay');
  await expect(page.getByRole('link', { name: 'City council approves 2,400 homes on former shipyard site' })).toBeVisible();
});

test('unknown, withdrawn and out-of-range addresses', async ({ page, request }) => {
  const missing = await page.goto('/articles/no-such-story-here');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search stories' })).toBeVisible();

  const withdrawn = await page.goto('/articles/stadium-naming-rights-sold-to-energy-company');
  expect(withdrawn?.status()).toBe(410);
  await expect(page.getByRole('heading', { name: 'This story has been withdrawn' })).toBeVisible();
  expect(await page.content()).not.toContain('according to people familiar with the deal');

  expect((await request.get('/sections/no-such-section')).status()).toBe(404);
  const internal = await request.get('/sections/port-calder/page/2', { maxRedirects: 0 });
  expect(internal.status()).toBe(301);
  expect(internal.headers().location).toMatch(/\/sections\/port-calder\?page=2$/);
});
