import { randomUUID } from 'node:crypto';
import { expect, type Browser } from '@playwright/test';
import { storageState } from './sign-in';

export type NewPerson = { name: string; email: string; password: string };

/**
 * A fresh staff member made the way a newsroom does it: an admin invites them and they set
 * their password from the link. Journeys that end sessions or change roles use these, so
 * the demo accounts other journeys rely on stay untouched.
 */
export async function invitePerson(browser: Browser, role: 'reporter' | 'editor' | 'admin'): Promise<NewPerson> {
  const id = randomUUID().slice(0, 8);
  const person = { name: `Test ${role} ${id}`, email: `e2e-${id}@example.test`, password: `a long passphrase ${id}` };
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/newsroom/users');
  const form = page.getByRole('form', { name: 'Invite a person' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Invite' }).click();
  const link = await form.getByLabel('Set-password link').inputValue();
  expect(link).toMatch(/\/login\/set-password\/[\w-]+$/);
  await admin.close();

  const invitee = await browser.newContext();
  const setPage = await invitee.newPage();
  await setPage.goto(new URL(link).pathname);
  await setPage.getByLabel('New password', { exact: true }).fill(person.password);
  await setPage.getByLabel('New password again').fill(person.password);
  await setPage.getByRole('button', { name: 'Set password' }).click();
  await expect(setPage.getByRole('status')).toHaveText(/Your password is set/);
  await invitee.close();
  return person;
}
