import { expect, test } from '@playwright/test';
import { expectSaved, openStory, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test('what someone else adds while the editor reviews is on the editor’s screen before it is published', async ({ browser }) => {
  test.setTimeout(120_000);
  const headline = `Council budget vote ${unique()}`;
  const editor = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  const id = await startStory(editor, headline, 'Port Calder');
  await typeInStory(editor, 'The council approved the budget by seven votes to four.');
  await expectSaved(editor);

  // While the editor looks it over, an admin opens the same story and adds a sentence.
  const admin = await (await browser.newContext({ storageState: storageState('admin') })).newPage();
  await openStory(admin, id);
  await typeInStory(admin, ' An added claim about the mayor.');
  await expectSaved(admin);

  // No take-over and no refused save: the editor sees it as it is typed.
  await expect(storyText(editor)).toContainText('An added claim about the mayor.');

  // Publishing saves the shared document first, so readers get what is on the screen.
  await editor.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Published.' })).toBeVisible();
  await expect(editor.getByTestId('story-status')).toHaveText('Published');
  await expect(admin.getByTestId('story-status')).toHaveText('Published');
  const live = (await editor.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(live);
  await expect(reader.getByRole('article').first()).toContainText('An added claim about the mayor.');

  // History records both of them on the revision.
  await editor.goto(`/newsroom/articles/${id}/history`);
  await expect(editor.getByRole('main')).toContainText('Priya Raman');
});
