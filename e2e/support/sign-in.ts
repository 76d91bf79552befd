import { expect, type Page } from '@playwright/test';

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
