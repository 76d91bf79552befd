import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { invitePerson } from './support/people';
import { storageState } from './support/sign-in';

/** One guess as a script makes it: GET /api/auth/csrf, then POST Auth.js's own callback. */
async function guess(request: APIRequestContext, email: string, password: string, forwardedFor: string) {
  const headers = { 'x-forwarded-for': forwardedFor };
  const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/newsroom' },
    headers,
    maxRedirects: 0,
  });
  const location = new URL(response.headers()['location'] ?? '/', 'http://localhost');
  const session = response.headersArray().some((h) => h.name.toLowerCase() === 'set-cookie' && /session-token=[^;]+/.test(h.value));
  return { code: location.searchParams.get('code'), session };
}

/** The admin's audit log, filtered by action: the rows that name this email address. */
async function auditRows(browser: Browser, action: string, email: string) {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto(`/newsroom/audit?action=${action}`);
  const rows = page.getByRole('row').filter({ hasText: email });
  const found = await rows.allInnerTexts();
  await admin.close();
  return found;
}

test('25 wrong passwords through Auth.js’s own endpoint end blocked and audited; then even the right one is refused', async ({ browser, request }) => {
  const person = await invitePerson(browser, 'reporter');
  const answers = [];
  // Each guess claims another address: with no trusted proxy configured, that changes nothing.
  for (let i = 0; i < 25; i++) answers.push(await guess(request, person.email, `wrong guess ${i}`, `203.0.113.${i}`));
  expect(answers.map((a) => a.code)).toEqual([...Array(5).fill('credentials'), ...Array(20).fill('too_many_attempts')]);
  expect(answers.some((a) => a.session)).toBe(false);
  expect(await guess(request, person.email, person.password, '203.0.113.99')).toEqual({ code: 'too_many_attempts', session: false });

  const failed = await auditRows(browser, 'auth.sign_in_failed', person.email);
  expect(failed).toHaveLength(5);
  // The address recorded is the connection's, not the one the request claimed.
  for (const row of failed) expect(row).toMatch(/(127\.0\.0\.1|::1)/);
  for (const row of failed) expect(row).not.toMatch(/203\.0\.113\./);
  expect(await auditRows(browser, 'auth.sign_in_blocked', person.email)).toHaveLength(1);
});

test('guesses sent all at once get no more than the five free tries between them', async ({ browser, playwright, baseURL }) => {
  const person = await invitePerson(browser, 'reporter');
  const answers = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const request = await playwright.request.newContext({ baseURL });
      try {
        return await guess(request, person.email, `parallel guess ${i}`, '198.51.100.7');
      } finally {
        await request.dispose();
      }
    }),
  );
  expect(answers.map((a) => a.code).sort()).toEqual([...Array(5).fill('credentials'), ...Array(15).fill('too_many_attempts')]);
  expect(await auditRows(browser, 'auth.sign_in_failed', person.email)).toHaveLength(5);
});

test('a blocked owner gets back in with a reset link', async ({ browser, page }) => {
  // Many sign-ins (each an argon2 hash) and a reset: over 60 s once in a loaded clean-clone run.
  test.slow();
  const person = await invitePerson(browser, 'editor');
  await page.goto('/login');
  const signInWith = async (password: string) => {
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(password);
    // Wait for the answer itself: the message of the last attempt is already on the page.
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
    // React resets the form once the answer is rendered: filling in before that reset lost
    // the password to it (seen under load: "Please correct the highlighted fields").
    await expect(page.getByLabel('Password')).toHaveValue('');
  };
  for (let i = 0; i < 5; i++) {
    await signInWith(`a stranger's guess ${i}`);
    await expect(page.locator('p[role="alert"]')).toHaveText('The email address or password is not correct.');
  }
  await signInWith(person.password);
  await expect(page.locator('p[role="alert"]')).toHaveText(/^Too many attempts\. Please wait \d+ seconds? and try again\.$/);

  // This newsroom sends no email, so the page says whom to ask.
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await expect(page.getByText(/Ask an admin to give you a reset link/)).toBeVisible();

  const admin = await browser.newContext({ storageState: storageState('admin') });
  const adminPage = await admin.newPage();
  await adminPage.goto('/newsroom/users');
  await adminPage.getByRole('row').filter({ hasText: person.email }).getByRole('button', { name: 'Issue reset link' }).click();
  const link = await adminPage.getByLabel(`Reset link for ${person.name}`).inputValue();
  await admin.close();

  const newPassword = `${person.password} renewed`;
  await page.goto(new URL(link).pathname);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/login\?password=set$/);
  await expect(page.getByRole('status')).toHaveText(/Your password is set/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
});
