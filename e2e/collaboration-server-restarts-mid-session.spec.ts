import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { collabServerPid, killCollabServer } from './support/collab';
import { expectSaved, openStoryIn, reloadStory, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { demoEmail, signIn } from './support/sign-in';

/*
 * Kills the collaboration server every other test uses, so it runs in a project of its own
 * after all the others (playwright.config.ts). Beside another test, the restart dropped that
 * test's connections too, and a story it was opening waited for the restart and the retries
 * (2.6 s in a loaded run here; longer with a slower restart: the editor's retries then
 * doubled up to 30 s apart, now 4 s). It signs in by itself, so that it can also run alone
 * without the projects before it (`--no-deps`).
 */
async function signedIn(browser: Browser, role: keyof typeof demoEmail): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signIn(await context.newPage(), demoEmail[role]);
  return context;
}

test('the collaboration server restarts mid-session: clients reconnect and no acknowledged edit is lost', async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await (await signedIn(browser, 'editor')).newPage();
  const id = await startStory(editor, `Power cut story ${unique()}`, 'Port Calder');
  const admin = await openStoryIn(await signedIn(browser, 'admin'), id);
  await typeInStory(editor, 'Before the restart.');
  await expectSaved(editor);
  await expect(storyText(admin)).toContainText('Before the restart.');

  const before = collabServerPid();
  killCollabServer();
  // Typed while the server is down: kept in the browser and sent once it is back.
  await typeInStory(editor, ' While it was down.');
  await expect.poll(() => collabServerPid(), { timeout: 30_000 }).not.toBe(before);
  await expectSaved(editor);
  await typeInStory(admin, ' After it came back.');
  await expectSaved(admin);
  // Both edits made around the restart are there (their order is the merge's: both were
  // typed at the same place), the same on both pages and after a reload.
  const whole = /Before the restart\.( While it was down\.| After it came back\.){2}/;
  for (const page of [editor, admin]) {
    await expect(storyText(page)).toContainText('While it was down.');
    await expect(storyText(page)).toContainText('After it came back.');
    await expect(storyText(page)).toHaveText(whole);
  }
  const text = await storyText(editor).innerText();
  await expect(storyText(admin)).toHaveText(text);
  await reloadStory(editor);
  await expect(storyText(editor)).toHaveText(text);
});
