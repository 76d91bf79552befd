import { expect, test, type WebSocketRoute } from '@playwright/test';
import { e2eCollabPort } from './support/collab';
import { expectSaved, reloadStory, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('reporter') });

test('edits the server cannot take say so, stay in the browser and are saved by themselves when it is back', async ({ page }) => {
  test.slow(); // its own waits (a new story, 15 s down, up to 30 s to save, a reload) passed 60 s once on a loaded clean-clone run
  // The browser stays online; the collaboration server stops answering (connections refused).
  let down = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(new RegExp(`:${e2eCollabPort()}/?$`), (socket) => {
    if (down) return socket.close();
    open.push(socket);
    socket.connectToServer();
  });
  const id = await startStory(page, `Ferry strike story ${unique()}`, 'Port Calder');
  await typeInStory(page, 'First paragraph, saved.');
  await expectSaved(page);

  down = true;
  for (const socket of open.splice(0)) await socket.close();
  await typeInStory(page, ' Second paragraph, typed while the server was down.');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved — retrying', { timeout: 15_000 });
  await expect(page.getByText('your text is kept in this browser and will be saved when it is back')).toBeVisible();
  const backup = await page.evaluate((storyId) => window.localStorage.getItem(`masthead:story:${storyId}`), id);
  expect(backup).toContain('typed while the server was down');

  // The server is back: the next try connects and merges, with no reload and nothing clicked.
  down = false;
  await expectSaved(page, 30_000);
  await expect(page.getByText('your text is kept in this browser')).toHaveCount(0);

  // What the server holds is the whole text, and the browser copy is no longer needed.
  await reloadStory(page);
  await expect(storyText(page)).toContainText('Second paragraph, typed while the server was down.');
  await expect(page.getByRole('alert').filter({ hasText: 'This browser kept changes' })).toHaveCount(0);
});
