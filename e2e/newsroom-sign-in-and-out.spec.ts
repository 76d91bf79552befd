import { expect, test } from '@playwright/test';
import { invitePerson } from './support/people';
import { demoEmail, replayCookiesOnNewsroom, signIn } from './support/sign-in';

test('the newsroom needs a signed-in person', async ({ page }) => {
  await page.goto('/newsroom/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fnewsroom%2Fusers$/);
  await expect(page.getByRole('heading', { name: 'Sign in to the newsroom' })).toBeVisible();
});

test('a wrong password is refused with a clear message, and the email is kept', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(demoEmail.editor);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p[role="alert"]')).toHaveText('The email address or password is not correct.');
  await expect(page.getByLabel('Email')).toHaveValue(demoEmail.editor);
});

test('an invited person sets a password, signs in, signs out, and "sign out everywhere" kills copied cookies', async ({ page, browser, baseURL }) => {
  const person = await invitePerson(browser, 'reporter');
  await signIn(page, person.email, person.password);
  await expect(page.getByText(`${person.name} (reporter)`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'People' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/newsroom');
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, person.email, person.password);
  const copied = await page.context().cookies();
  await page.goto('/newsroom/account');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await replayCookiesOnNewsroom(browser, baseURL, copied);
});
