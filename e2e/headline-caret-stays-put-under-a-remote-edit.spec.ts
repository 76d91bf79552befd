import { expect, test } from '@playwright/test';
import { expectSaved, openStory, startStory, storyText, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

// Another person types before this person's caret in the headline: the caret stays after the same word
// (it used to jump to the end, so the next keystroke landed there).
test('the headline caret stays where it was when another person edits before it', async ({ browser }) => {
  test.setTimeout(90_000);
  const editor = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  const word = unique();
  const id = await startStory(editor, `Fire ${word} harbour`, 'Port Calder');
  const admin = await (await browser.newContext({ storageState: storageState('admin') })).newPage();
  await openStory(admin, id);
  await expect(storyText(editor)).toHaveAttribute('contenteditable', 'true');
  const headline = (page: typeof editor) => page.getByRole('textbox', { name: 'Headline', exact: true });

  await headline(editor).click();
  await editor.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await editor.keyboard.press('ArrowRight'); // after "Fire"
  await headline(admin).click();
  await admin.keyboard.press('Home');
  await admin.keyboard.type('Huge ');
  await expect(headline(editor)).toHaveValue(`Huge Fire ${word} harbour`);
  await editor.keyboard.type('!');
  await expect(headline(editor)).toHaveValue(`Huge Fire! ${word} harbour`);
  await expect(headline(admin)).toHaveValue(`Huge Fire! ${word} harbour`);
  await expectSaved(editor);
});
