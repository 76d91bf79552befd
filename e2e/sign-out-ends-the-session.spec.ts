import { expect, test, type Cookie, type Route } from '@playwright/test';
import { invitePerson } from './support/people';
import { replayCookiesOnNewsroom, signIn } from './support/sign-in';

const sessionCookies = (cookies: Cookie[]) => cookies.filter((c) => c.name.includes('session-token'));

test('a copy of the session cookie is refused after signing out, and not renewed', async ({ browser, page, baseURL }) => {
  test.slow(); // an invitation, a new password and two sign-ins: it ran past 60 s once on a loaded clean-clone run
  const person = await invitePerson(browser, 'reporter');
  await signIn(page, person.email, person.password);
  const copied = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  expect(sessionCookies(await replayCookiesOnNewsroom(browser, baseURL, copied))).toEqual([]);
});

test('signing out with prefetches in flight stays signed out', async ({ browser, page }) => {
  const person = await invitePerson(browser, 'reporter');
  await signIn(page, person.email, person.password);

  // Hold the answers to page prefetches: the server answers them (renewing the session
  // cookie) at once, but the browser only gets them after "Sign out" has finished.
  const held: Array<() => Promise<void>> = [];
  await page.route('**/newsroom/**', async (route: Route) => {
    const request = route.request();
    if (request.method() !== 'GET' || !request.headers()['rsc']) return route.continue();
    const response = await route.fetch();
    held.push(() => route.fulfill({ response }));
  });
  await page.goto('/newsroom');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  for (const link of await page.getByRole('navigation').getByRole('link').all()) await link.hover();
  await expect.poll(() => held.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const lateAnswers = held.length;
  for (const release of held.splice(0)) await release();
  expect(lateAnswers).toBeGreaterThan(0);

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.goto('/newsroom');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in to the newsroom' })).toBeVisible();
  expect(sessionCookies(await page.context().cookies())).toEqual([]);
});
