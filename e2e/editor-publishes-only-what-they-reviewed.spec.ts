import { expect, test } from '@playwright/test';
import { expectSaved, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test('a save that lands after the editor opened the story is not published unseen', async ({ browser }) => {
  test.setTimeout(120_000);
  const headline = `Council budget vote ${unique()}`;
  const editor = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  const id = await startStory(editor, headline, 'Port Calder');
  await typeInStory(editor, 'The council approved the budget by seven votes to four.');
  await expectSaved(editor);

  // While the editor looks it over, an admin takes the story over and adds a sentence.
  const admin = await (await browser.newContext({ storageState: storageState('admin') })).newPage();
  await admin.goto(`/newsroom/articles/${id}`);
  await admin.getByRole('button', { name: 'Take over' }).click();
  await expect(storyText(admin)).toHaveAttribute('contenteditable', 'true');
  await typeInStory(admin, ' An unreviewed claim about the mayor.');
  await admin.keyboard.press('ControlOrMeta+s');
  await expectSaved(admin);

  // The editor's click carries the version they saw: refused, with the way to the changes.
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  const refusal = editor.getByRole('alert').filter({ hasText: 'This story changed since you opened it — review the changes.' });
  await expect(refusal).toBeVisible();
  await expect(editor.getByTestId('story-status')).toHaveText('Draft');
  const review = await refusal.getByRole('link', { name: 'Review the changes' }).getAttribute('href');
  expect(review).toMatch(new RegExp(`^/newsroom/articles/${id}/history\\?from=\\d+$`));

  // Loading the newer version shows the added sentence; the diff from what they saw marks it.
  await refusal.getByRole('button', { name: 'Load the newer version' }).click();
  await expect(storyText(editor)).toContainText('An unreviewed claim about the mayor.');
  await editor.goto(review!);
  await expect(editor.getByRole('region', { name: /Changes from/ }).locator('ins')).toContainText(['unreviewed claim']);

  // Having seen it, the editor publishes the newer version.
  await editor.goto(`/newsroom/articles/${id}`);
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible();
  await expect(editor.getByTestId('story-status')).toHaveText('Published');
  const live = (await editor.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(live);
  await expect(reader.getByRole('article').first()).toContainText('An unreviewed claim about the mayor.');
});
