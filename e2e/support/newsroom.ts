import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

export const unique = () => randomUUID().slice(0, 8);

/** A wall-clock time in the site's zone, as a datetime-local value with seconds. */
export function siteLocalTime(date: Date, timeZone = 'Asia/Seoul'): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(date)
    .replace(' ', 'T');
}

/** Starts a story from the newsroom and waits for its editor. Returns its id. */
export async function startStory(page: Page, headline: string, section = 'Technology'): Promise<string> {
  await page.goto('/newsroom/articles/new');
  await page.getByLabel('Working headline').fill(headline);
  await page.getByLabel('Section').selectOption({ label: section });
  await page.getByRole('button', { name: 'Start writing' }).click();
  // Creating the story and opening its editor took over 10 s once, late in a loaded CI run.
  await expect(page).toHaveURL(/\/newsroom\/articles\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  // Typed into before the shared document has synced, the text is not editable yet and the
  // keys are lost (and "Saved" is already shown from the story's creation): wait for it.
  await expect(storyText(page)).toBeEditable({ timeout: 15_000 });
  return page.url().split('/').at(-1)!;
}

export const storyText = (page: Page) => page.getByRole('textbox', { name: 'Story text' });

/** Types at the end of the story text. */
export async function typeInStory(page: Page, text: string) {
  await expect(storyText(page)).toBeEditable({ timeout: 15_000 });
  await storyText(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

export async function expectSaved(page: Page, timeout = 15_000) {
  await expect(page.getByTestId('save-state')).toHaveText(/^Saved \d{1,2}:\d{2}/, { timeout });
}

/**
 * The field that shows a new preview link once. Named exactly: the list of links
 * ("Preview links") and each of its rows ("Preview link by …") carry labels that a looser
 * match also finds as soon as the list refreshes, which made tests fail now and then.
 */
export const newPreviewLinkField = (page: Page) => page.getByRole('textbox', { name: 'Preview link (shown once: copy it now)', exact: true });
