import { expect, test } from '@playwright/test';
import { invitePerson } from './support/people';
import { signIn, storageState } from './support/sign-in';

test('an admin makes a reporter an editor; the old session ends and the new role applies', async ({ page, browser }) => {
  const person = await invitePerson(browser, 'reporter');
  await signIn(page, person.email, person.password);
  await expect(page.getByText(`${person.name} (reporter)`)).toBeVisible();

  const admin = await browser.newContext({ storageState: storageState('admin') });
  const adminPage = await admin.newPage();
  await adminPage.goto('/newsroom/users');
  const row = adminPage.getByRole('row', { name: new RegExp(person.name) });
  await row.getByLabel(`Role for ${person.name}`).selectOption('editor');
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(row.getByRole('status')).toHaveText('Role changed to editor.');
  await adminPage.goto('/newsroom/audit?action=user.role_changed');
  await expect(adminPage.getByRole('row', { name: new RegExp(person.name) }).first()).toContainText('user.role_changed');
  await admin.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, person.email, person.password);
  await expect(page.getByText(`${person.name} (editor)`)).toBeVisible();
});

test('people management is for admins only', async ({ browser }) => {
  const editor = await browser.newContext({ storageState: storageState('editor') });
  const page = await editor.newPage();
  await page.goto('/newsroom');
  await expect(page.getByRole('link', { name: 'People' })).toHaveCount(0);
  await page.goto('/newsroom/users');
  await expect(page).toHaveURL(/\/newsroom\?denied=1$/);
  await editor.close();
});
