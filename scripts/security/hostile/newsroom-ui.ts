import { expect, type Browser } from '@playwright/test';
import type { PayloadFeed } from './batches';
import { watchContext } from './page-watch';
import { count, problem, visit, type Campaign } from './session';

type Watch = ReturnType<typeof watchContext>;

/**
 * One pass through the real forms, typed as a person would, so the bulk calls that follow
 * are known to send what the forms send: story fields and text, a link through the link
 * dialog, an address (slug) the editor must refuse, a note, a picture's words, a profile
 * and the search box.
 */
export async function typeIntoTheRealForms(c: Campaign, watch: Watch, { feed }: { pictures: string[]; feed: PayloadFeed }) {
  const page = c.page;
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
      count(c, 'forms typed into');
    } catch (error) {
      const shot = `security-reports/work/form-${name.replace(/\W+/g, '-')}.png`;
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      problem(c, 'form could not be used', name, `${(error as Error).message.split('\n')[0]!} (screenshot: ${shot})`);
    }
  };

  await step('new story', async () => {
    await page.goto(`${c.origin}/newsroom/articles/new`);
    await page.getByLabel('Working headline').fill(feed.next('headline'));
    await page.getByLabel('Section').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Start writing' }).click();
    await page.waitForURL(/\/newsroom\/articles\/[0-9a-f-]{36}$/);
  });
  await step('story editor', async () => {
    await page.getByRole('textbox', { name: /^Headline/ }).fill(feed.next('headline'));
    await page.getByLabel('Deck').fill(feed.next('deck'));
    // A long headline makes a draft's address too long to save; a person would shorten it.
    await page.getByLabel('Address (slug)').fill(`hostile-ui-${c.runId}`);
    const tags = page.getByLabel(/^Tags/);
    await tags.fill([feed.next('tag'), feed.next('tag')].join(', '));
    await tags.blur();
    const text = page.getByRole('textbox', { name: 'Story text' });
    await text.click();
    for (const payload of feed.nextParts('note').slice(0, 30)) {
      await page.keyboard.insertText(payload);
      await page.keyboard.press('Enter');
    }
    // A link through the toolbar's dialog: the editor takes web and mail links only.
    await page.keyboard.press('Shift+Home');
    const target = `javascript:alert(document.domain)//${feed.next('slug')}`;
    watch.expectDialog('Link address');
    watch.expectDialog('Links must start with');
    page.once('dialog', (prompt) => {
      void prompt.accept(target);
      page.once('dialog', (refusal) => void refusal.accept());
    });
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-state')).toHaveText(/^Saved/, { timeout: 20_000 });
    if ((await page.locator('.ProseMirror a[href^="javascript" i]').count()) > 0) problem(c, 'unsafe link kept', 'story editor', target);
  });
  await step('story address (slug)', async () => {
    const slug = page.getByLabel('Address (slug)');
    const before = await slug.inputValue();
    await slug.fill(feed.next('slug'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-state')).toHaveText('Not saved — check the fields', { timeout: 20_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'Address:' })).toBeVisible();
    await c.scan(page, 'story editor after a refused address');
    await slug.fill(before);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-state')).toHaveText(/^Saved/, { timeout: 20_000 });
  });
  await step('note', async () => {
    const note = feed.next('note');
    await page.getByLabel('Add a note').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('region', { name: /Notes/ })).toContainText(note.slice(0, 40));
    await c.scan(page, 'story editor with a note');
  });
  await step('media library', async () => {
    await visit(c, '/newsroom/media', 'media library');
    const card = page.locator('li').filter({ has: page.getByLabel('Alt text') }).first();
    await card.getByLabel('Alt text').fill(feed.next('alt'));
    await card.getByLabel('Caption').fill(feed.next('caption'));
    await card.getByLabel('Credit').fill(feed.next('credit'));
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByRole('status')).toHaveText('Saved.');
    await c.scan(page, 'media library after saving');
  });
  await step('profile', async () => {
    await visit(c, '/newsroom/account', 'account');
    const name = feed.next('name');
    await page.getByLabel('Display name').fill(name);
    await page.getByLabel('Job title').fill(feed.next('jobTitle'));
    await page.getByLabel('Bio').fill(feed.next('bio'));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
    await c.scan(page, 'account after saving');
    const address = page.getByLabel('Address of your author page');
    const before = await address.inputValue();
    await address.fill(feed.next('slug'));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await c.scan(page, 'account after a refused address');
    await address.fill(before);
    await page.getByRole('button', { name: 'Save profile' }).click();
  });
  await step('search box', async () => {
    await visit(c, '/search', 'search page');
    const box = page.getByLabel('Words to find');
    await box.fill(feed.next('search'));
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.waitForLoadState('load');
    await c.scan(page, 'search results from the search box');
    // The lists hold no raw control characters, but a URL can: wapiti's %00 broke search.
    for (const probe of ['harbour\u0000', '\u0000', 'a\u0008b\u001bc']) {
      await visit(c, `/search?q=${encodeURIComponent(probe)}`, 'search with a control character');
      // React reveals streamed results in batches (up to ~300 ms after they arrive), so the
      // fallback may still show at the load event: only one that stays is a broken page.
      const stuck = await page
        .getByText('Searching…')
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .then(() => false, () => true);
      if (stuck) problem(c, 'page broke', 'search with a control character', `${JSON.stringify(probe)}: the results never came`);
    }
  });
}

/**
 * The sign-in form, signed out, in its own browser: the whole list goes through the Email
 * field (packed, many payloads a try; the form refuses them and shows them back), and a
 * share of it through Password. The server must answer each with a message, never a 500,
 * and the page must show the typed email back as text.
 */
export async function typeIntoSignIn(c: Campaign, browser: Browser, _watch: Watch, feed: PayloadFeed) {
  const context = await browser.newContext({ baseURL: c.origin });
  const watch = watchContext(context, c.origin, c.sightings);
  const page = await context.newPage();
  const chunk = 20_000;
  const all = feed.payloads.join(' ');
  try {
    for (let start = 0; start < all.length; start += chunk) {
      const email = all.slice(start, start + chunk);
      await visit(c, '/login', 'sign-in', page);
      await page.getByLabel('Email').fill(email);
      // An email field drops line breaks and outer spaces as it is typed into: compare with that.
      const typed = await page.getByLabel('Email').inputValue();
      await page.getByLabel('Password').fill(feed.payloads[(start / chunk) % feed.payloads.length]!);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const message = page.getByRole('alert').first();
      await message.waitFor({ timeout: 20_000 }).catch(() => problem(c, 'refused without a message', 'sign-in', `no message after ${email.slice(0, 60)}…`));
      await watch.scan(page, 'sign-in after a refusal');
      const shown = await page.getByLabel('Email').inputValue();
      if (shown !== typed) problem(c, 'lost', 'sign-in', 'the refused email was not shown back as typed');
      count(c, 'sign-in attempts');
      count(c, 'payload characters through sign-in', email.length);
    }
  } finally {
    await context.close();
  }
}
