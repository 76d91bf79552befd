import { expect, test } from '@playwright/test';
import { expectSaved, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test('two editors on one story: the later save is refused, and no text is lost', async ({ browser }) => {
  const headline = `Ferry timetable story ${unique()}`;
  const first = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  const id = await startStory(first, headline, 'Port Calder');
  await typeInStory(first, 'Daniel wrote this first paragraph.');
  await expectSaved(first);

  // A second editor (an admin) opens it, sees who is editing, and takes over.
  const second = await (await browser.newContext({ storageState: storageState('admin') })).newPage();
  await second.goto(`/newsroom/articles/${id}`);
  await expect(second.getByRole('status').filter({ hasText: 'Daniel Okafor is editing' })).toBeVisible();
  await second.getByRole('button', { name: 'Take over' }).click();
  await typeInStory(second, ' Priya added this sentence.');
  await second.keyboard.press('ControlOrMeta+s');
  await expectSaved(second);

  // The first editor keeps typing: that save is refused, the text stays on screen.
  await typeInStory(first, ' Daniel’s second thought, typed after the take-over.');
  const conflict = first.getByRole('alert').filter({ hasText: 'not saved over the newer version' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText('Priya Raman has taken over this story');
  await expect(storyText(first)).toContainText('Daniel’s second thought');
  await conflict.getByRole('button', { name: 'Compare versions' }).click();
  await expect(first.getByTestId('conflict-diff').locator('ins')).toContainText(['second thought']);

  // He keeps his version; hers stays in the history.
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expectSaved(first);
  await first.goto(`/newsroom/articles/${id}/history`);
  await expect(first.getByRole('row', { name: /Refused save \(kept\)/ })).toBeVisible();
  await first.goto(`/newsroom/articles/${id}/preview`);
  await expect(first.getByRole('article')).toContainText('Daniel’s second thought');
});
