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

test('an article page has its picture, body, tags, share links, related stories and data for search engines', async ({ page }) => {
  const beacon = page.waitForRequest((request) => request.url().endsWith('/api/views') && request.method() === 'POST');
  await page.goto('/articles/city-council-approves-2400-homes-on-former-shipyard-site');

  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const kicker = page.getByRole('link', { name: 'Port Calder', exact: true }).first();
  await expect(kicker).toBeVisible();
  const hero = page.locator('article figure').first();
  const image = hero.locator('img');
  await expect(image).toHaveAttribute('alt', /\w/);
  await expect(image).toHaveAttribute('width', /\d+/);
  await expect(image).toHaveAttribute('height', /\d+/);
  await expect(image).toHaveAttribute('fetchpriority', 'high');
  await expect(hero.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /480w.*800w/);
  await expect(hero.locator('figcaption')).toContainText('Courier graphics desk');
  await expect(page.locator('article time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  await expect(page.getByText(/\d+ min read/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Opposition from neighbours', level: 2 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'Housing' })).toHaveAttribute('href', '/tags/housing');
  await expect(page.getByRole('navigation', { name: 'Share this story' }).getByRole('link', { name: /Email/ })).toHaveAttribute('href', /^mailto:/);
  await expect(page.getByRole('heading', { name: 'More in Port Calder' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Most Popular' })).toBeVisible();

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd['@type']).toBe('NewsArticle');
  expect(jsonLd.author[0]).toMatchObject({ '@type': 'Person', url: expect.stringMatching(/\/authors\/mira-castellanos$/) });
  expect(jsonLd.publisher.logo.url).toMatch(/\/logo\.png$/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/og\.png$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/articles\/city-council-approves-2400-homes-on-former-shipyard-site$/);

  // The view is counted by the beacon, not by the (cached) page render.
  expect((await (await beacon).response())?.status()).toBe(204);
});

test('a corrected story shows its correction, which is also listed on the corrections page', async ({ page }) => {
  await page.goto('/corrections');
  const first = page.getByRole('listitem').filter({ hasText: 'cooling centres' });
  await first.getByRole('link').click();
  const box = page.getByRole('region', { name: 'Correction' });
  await expect(box).toContainText('There are 140.');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd.correction[0].text).toContain('There are 140.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a story is fully readable', async ({ page }) => {
    await page.goto('/articles/assembly-passes-budget-with-record-spending-on-childcare');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assembly passes budget with record spending on childcare');
    await expect(page.getByText('The National Assembly passed next year’s budget')).toBeVisible();
  });
});
