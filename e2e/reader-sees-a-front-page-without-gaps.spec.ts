import { expect, test, type Page } from '@playwright/test';

/**
 * Where the lead story's own content (picture and text) ends, where the top stories begin,
 * and how far the page overflows sideways. The lead's box is measured by what is in it: a
 * stretched box would hide the empty band inside it.
 */
async function frontPageGeometry(page: Page) {
  const leadBottom = await page
    .getByRole('article')
    .first()
    .locator('img, h2, p')
    .evaluateAll((elements) => Math.max(...elements.map((element) => element.getBoundingClientRect().bottom + window.scrollY)));
  const next = await page.getByRole('region', { name: 'Top stories' }).boundingBox();
  return { leadBottom, nextTop: next!.y, overflow: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) };
}

for (const { width, height } of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${width} px the top stories follow the lead story with no empty band between them`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const { leadBottom, nextTop, overflow } = await frontPageGeometry(page);
    // The grid's gap (2rem); stretched to the rail's height, the lead's row left ~250 px empty.
    expect(nextTop - leadBottom).toBeGreaterThanOrEqual(0);
    expect(nextTop - leadBottom).toBeLessThanOrEqual(48);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('region', { name: 'Latest' })).toBeVisible();
  });
}
