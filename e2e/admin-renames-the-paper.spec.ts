import { expect, test } from '@playwright/test';
import { unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.describe('as an admin', () => {
  test.use({ storageState: storageState('admin') });

  test('an admin renames the paper and readers see the new name at once', async ({ page, browser }) => {
    // Two browser contexts, a save, a feed and a manifest: give a busy machine room.
    test.slow();
    // Ends in "Light": the icons draw the last word's initial, an "L" where the demo has a "C".
    const name = `The ${unique()} Harbour Light`;
    await page.goto('/newsroom/settings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Site settings');
    const nameField = page.getByLabel('Name of the paper');
    const original = await nameField.inputValue();
    const tagline = page.getByLabel('Tagline');
    const originalTagline = await tagline.inputValue();
    const iconBefore = await (await page.request.get('/icon/32')).body();
    try {
      await nameField.fill(name);
      await tagline.fill('Independent since 1887');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByRole('status')).toHaveText('Saved. Reader pages show the new settings now.');

      const reader = await (await browser.newContext()).newPage();
      await reader.goto('/');
      await expect(reader.getByRole('banner').getByRole('link', { name, exact: true })).toBeVisible();
      await expect(reader.getByRole('banner')).toContainText('Independent since 1887');
      await expect(reader.getByRole('contentinfo')).toContainText(`© ${name}.`);
      await expect(reader).toHaveTitle(name);
      await expect(reader.locator('meta[property="og:site_name"]')).toHaveAttribute('content', name);
      expect(await (await reader.request.get('/feed.xml')).text()).toContain(`<title>${name}</title>`);
      expect(await (await reader.request.get('/manifest.webmanifest')).json()).toMatchObject({ name });

      // The icons keep their addresses across a rename (Next's "?hash" is the build's), so
      // they must never be kept without asking again: the new initial shows at once.
      const icons = await reader.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
      const manifestIcons = ((await (await reader.request.get('/manifest.webmanifest')).json()) as { icons: { src: string }[] }).icons.map((icon) => icon.src);
      expect(icons.length).toBeGreaterThanOrEqual(2);
      for (const href of [...icons, ...manifestIcons, '/manifest.webmanifest']) {
        const response = await reader.request.get(href);
        expect(response.status(), href).toBe(200);
        expect(response.headers()['cache-control'], href).toMatch(/(^|, )max-age=0(,|$)/);
        expect(response.headers()['cache-control'], href).not.toContain('immutable');
      }
      expect(Buffer.compare(await (await reader.request.get(icons[0]!)).body(), iconBefore)).not.toBe(0);
    } finally {
      await page.goto('/newsroom/settings');
      await page.getByLabel('Name of the paper').fill(original);
      await page.getByLabel('Tagline').fill(originalTagline);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect(page.getByRole('status')).toBeVisible();
    }
  });
});

test.describe('as a reporter', () => {
  test.use({ storageState: storageState('reporter') });

  test('a reporter cannot open the settings, and is not offered them', async ({ page }) => {
    // The server decides: the page is never rendered for a reporter (the refusal streams a
    // redirect), and the save action refuses on its own (test/authorization-matrix.test.ts).
    const response = await page.request.get('/newsroom/settings', { maxRedirects: 0 });
    const body = await response.text();
    expect(body).not.toContain('Name of the paper');
    expect(body).toContain('/newsroom?denied=1');

    await page.goto('/newsroom/settings');
    await expect(page).toHaveURL(/\/newsroom\?denied=1$/);
    await expect(page.getByLabel('Name of the paper')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  });
});
