import { expect, type Browser, type Cookie, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'masthead-demo';
export const demoEmail = { reporter: 'reporter@example.com', editor: 'editor@example.com', admin: 'admin@example.com' } as const;
export const storageState = (role: keyof typeof demoEmail) => `e2e/.auth/${role}.json`;

/** Signs in through the real form and waits for the newsroom. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/newsroom/);
}

/**
 * Replays `cookies` (copied from a browser before it signed out) in a fresh browser, expects
 * the newsroom to send it to sign in, and returns the cookies that browser ends with.
 */
export async function replayCookiesOnNewsroom(browser: Browser, baseURL: string | undefined, cookies: Cookie[]): Promise<Cookie[]> {
  const thief = await browser.newContext({ baseURL });
  try {
    await thief.addCookies(cookies);
    const page = await thief.newPage();
    await page.goto('/newsroom');
    await expect(page).toHaveURL(/\/login/);
    return await thief.cookies();
  } finally {
    await thief.close();
  }
}
