import { test as setup } from '@playwright/test';
import { demoEmail, signIn, storageState } from './support/sign-in';

// Sign in once per role; journeys reuse the saved cookies.
for (const role of ['reporter', 'editor', 'admin'] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, demoEmail[role]);
    await page.context().storageState({ path: storageState(role) });
  });
}
