import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectSaved, startStory, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test('pictures are uploaded with progress, described, used in a story and shown to readers with caption and credit', async ({ browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  const shade = `#${id.slice(0, 6).replace(/[^0-9a-f]/g, 'a')}`;
  const good = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: shade } }).jpeg().toBuffer();

  const reporter = await (await browser.newContext({ storageState: storageState('reporter') })).newPage();
  await reporter.goto('/newsroom/media');
  await reporter.getByLabel('Choose files').setInputFiles([
    { name: `harbour-${id}.jpg`, mimeType: 'image/jpeg', buffer: good },
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture at all') },
  ]);
  await expect(reporter.getByRole('progressbar', { name: `Upload of harbour-${id}.jpg` })).toBeVisible();
  await expect(reporter.getByRole('list', { name: 'Uploads' })).toContainText('Added.');
  await expect(reporter.getByRole('alert').filter({ hasText: 'not a JPEG, PNG, WebP, AVIF or GIF' })).toBeVisible();

  const card = reporter.getByRole('region', { name: 'Library' }).getByRole('listitem').filter({ hasText: `harbour-${id}.jpg` });
  await expect(card).toContainText('Needs alt text');
  await card.getByLabel('Alt text').fill(`Container cranes at dusk ${id}`);
  await card.getByLabel('Caption').fill('Cranes on the eastern terminal.');
  await card.getByLabel('Credit').fill('Photo: Test Desk');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved.');

  // An editor writes a story with it as the main picture and publishes.
  const editor = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  await startStory(editor, `Port cranes story ${id}`, 'Business');
  await typeInStory(editor, 'The cranes worked through the night.');
  await editor.getByRole('button', { name: 'Choose picture' }).click();
  await editor.getByRole('dialog').getByRole('button', { name: new RegExp(`Cranes on the eastern terminal`) }).first().click();
  await expectSaved(editor);
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByTestId('story-status')).toHaveText('Published');
  const live = (await editor.getByRole('link', { name: 'View live' }).getAttribute('href'))!;

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(live);
  const figure = reader.locator('article figure').first();
  await expect(figure.locator('img')).toHaveAttribute('alt', `Container cranes at dusk ${id}`);
  await expect(figure.locator('source[type="image/webp"]')).toHaveAttribute('srcset', /480w.*800w.*1200w/);
  // The <img> is the fallback for browsers without WebP: its src only, no second width ladder.
  await expect(figure.locator('img')).not.toHaveAttribute('srcset', /./);
  await expect(figure.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /\.avif 240w/);
  await expect(figure.locator('figcaption')).toContainText('Cranes on the eastern terminal.');
  await expect(figure.locator('figcaption')).toContainText('Photo: Test Desk');
  const src = await figure.locator('img').getAttribute('src');
  const response = await reader.request.get(src!);
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  // Now readers see it, its text is the editors’: the reporter is told why and not offered the form.
  await reporter.goto('/newsroom/media');
  const liveCard = reporter.getByRole('region', { name: 'Library' }).getByRole('listitem').filter({ hasText: `harbour-${id}.jpg` });
  await expect(liveCard).toContainText(`only editors can change its caption, credit and alt text`);
  await expect(liveCard).toContainText(`Port cranes story ${id}`);
  await expect(liveCard.getByLabel('Caption')).toHaveCount(0);
  await expect(liveCard.getByRole('button', { name: 'Save' })).toHaveCount(0);
  // An editor still can, and is told the change shows to readers at once.
  await editor.goto('/newsroom/media');
  const editorCard = editor.getByRole('region', { name: 'Library' }).getByRole('listitem').filter({ hasText: `harbour-${id}.jpg` });
  await expect(editorCard).toContainText('a change shows to readers at once');
  await editorCard.getByLabel('Credit').fill('Photo: Test Desk / Courier');
  await editorCard.getByRole('button', { name: 'Save' }).click();
  await expect(editorCard.getByRole('status')).toHaveText('Saved.');
  await expect.poll(async () => (await reader.request.get(live)).text(), { timeout: 10_000 }).toContain('Photo: Test Desk / Courier');
});
