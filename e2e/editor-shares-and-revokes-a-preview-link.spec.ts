import { expect, test } from '@playwright/test';
import { expectSaved, newPreviewLinkField, startStory, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test('an editor shares a draft with an outsider through a preview link, sees it listed, and revokes it', async ({ browser }) => {
  const headline = `Harbour dredging plan ${unique()}`;
  const editor = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  await startStory(editor, headline);
  await typeInStory(editor, 'Dredging will start in the spring, the port said.');
  await expectSaved(editor);

  const sharing = editor.getByRole('region', { name: 'Share a preview' });
  await sharing.getByLabel('Link works for').selectOption('1');
  await sharing.getByRole('button', { name: 'Create preview link' }).click();
  const listed = sharing.getByRole('list', { name: 'Preview links' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Open · by Daniel Okafor');
  // Read after the list has refreshed: the field must still be found, and only it.
  const link = await newPreviewLinkField(editor).inputValue();
  expect(link).toMatch(/\/preview\/[\w-]{43}$/);
  const path = new URL(link).pathname;

  // Someone outside the newsroom reads the draft.
  const outsider = await (await browser.newContext()).newPage();
  // The link shows the stored working copy, which trails the shared document by a few
  // seconds (docs/collaboration.md): the outsider may need one reload to see the last words.
  await expect(async () => {
    await outsider.goto(path);
    await expect(outsider.getByRole('article')).toContainText('Dredging will start in the spring', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(outsider.getByText('Draft preview — not published')).toBeVisible();

  // Revoked: the link opens nothing any more, and the list says so.
  await listed.getByRole('button', { name: 'Revoke' }).click();
  await expect(listed.getByRole('status')).toHaveText('Revoked. The link no longer opens the story.');
  await expect(listed).toContainText('Revoked by Daniel Okafor.');
  await expect(listed.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  const gone = await outsider.goto(path);
  expect(gone?.status()).toBe(410);
  await expect(outsider.getByRole('heading', { name: 'This preview link has ended' })).toBeVisible();
  await expect(outsider.getByRole('article')).toHaveCount(0);
  await expect(outsider.getByText('Dredging will start')).toHaveCount(0);
});
