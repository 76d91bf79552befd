import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { e2eCollabPort } from './support/collab';
import { expectSaved, reloadStory, startStory, storyText, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test.use({ storageState: storageState('reporter') });

/**
 * The newsroom app stops answering its server actions (the editor asks one for a token at
 * every connection to the collaboration server), as when it is down or its database is:
 * a 503 with no action result. Returns the switch.
 */
async function newsroomAnswers(page: Page) {
  const state = { answering: true, refused: 0 };
  await page.route('**/newsroom/articles/**', async (route) => {
    const request = route.request();
    if (state.answering || request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback();
    state.refused += 1;
    await route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
  });
  return state;
}

test('a reconnection the newsroom cannot answer says so, keeps the text, and goes on by itself when it answers', async ({ page }) => {
  // Its own waits (a retry seen, the backing-off asks, the save after) can pass 60 s on a
  // loaded run: it timed out once in a clean-clone run while the reloaded story synced.
  test.slow();
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(new RegExp(`:${e2eCollabPort()}/?$`), (socket) => {
    open.push(socket);
    socket.connectToServer();
  });
  const app = await newsroomAnswers(page);
  await startStory(page, `Harbour closure ${unique()}`);
  await typeInStory(page, 'Opened while the newsroom answered.');
  await expectSaved(page);

  // The connection drops and the newsroom does not answer the token request at reconnection.
  app.answering = false;
  for (const socket of open.splice(0)) await socket.close();
  await expect(page.getByTestId('save-state')).toHaveText('Not connected — retrying', { timeout: 15_000 });
  await expect(page.getByText('the newsroom is not answering — your text is kept in this browser')).toBeVisible();
  await expect(page.getByText('You cannot open this story now.')).toHaveCount(0);
  await typeInStory(page, ' Typed while the newsroom was not answering.');
  // It keeps asking (backing off), not once and never again.
  await expect.poll(() => app.refused, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  app.answering = true;
  await expectSaved(page, 40_000);
  await reloadStory(page);
  await expect(storyText(page)).toContainText('Typed while the newsroom was not answering.');
});

test('a story opened while the newsroom cannot give a token says the newsroom is not answering, and opens when it does', async ({ page }) => {
  const app = await newsroomAnswers(page);
  await startStory(page, `Bridge inspection ${unique()}`);
  await expectSaved(page);
  app.answering = false;
  await page.reload();
  await expect(page.getByTestId('save-state')).toHaveText('Not connected — retrying', { timeout: 15_000 });
  await expect(page.getByText('The newsroom is not answering (its server or its database may be down)')).toBeVisible();
  await expect(page.getByText('You cannot open this story now.')).toHaveCount(0);
  // No step can save the text first, so none is offered as if it could.
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
  await expect(page.getByTestId('workflow-closed')).toHaveText('These steps open with the story: each saves its text first.');

  app.answering = true;
  await expect(storyText(page)).toBeVisible({ timeout: 40_000 });
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeEnabled();
  await expect(page.getByTestId('workflow-closed')).toHaveCount(0);
  await typeInStory(page, 'Opened once the newsroom answered.');
  await expectSaved(page);
});
