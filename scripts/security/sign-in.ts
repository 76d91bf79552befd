import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { isolatedChromiumArgs } from './hostile/page-watch';

const launch = () => chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: isolatedChromiumArgs });

/** A page on the real sign-in form with the email and password typed in, not yet sent. */
async function fillSignInForm(browser: Browser, origin: string, email: string, password: string): Promise<Page> {
  const page = await browser.newPage({ baseURL: origin });
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  return page;
}

/** Signs in through the real form and keeps the session (cookies) in `statePath`. */
export async function saveSignedInState(origin: string, email: string, password: string, statePath: string): Promise<void> {
  const browser = await launch();
  try {
    const page = await fillSignInForm(browser, origin, email, password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/newsroom/, { timeout: 30_000 });
    await page.context().storageState({ path: statePath });
  } finally {
    await browser.close();
  }
}

const EMAIL = 'sqlmap-probe@example.com';
const PASSWORD = 'sqlmap-probe-password';

/**
 * The sign-in form is a Next server action: the browser posts it to /login with a
 * `Next-Action` header and a multipart body. sqlmap cannot drive the form's JavaScript, so
 * we send the form once from Chromium, keep the exact request, and hand it to sqlmap as a
 * request file with its injection points (`*`) after the email and the password.
 */
export async function captureSignInRequest(origin: string, requestFile: string): Promise<void> {
  const browser = await launch();
  try {
    const page = await fillSignInForm(browser, origin, EMAIL, PASSWORD);
    const sent = page.waitForRequest((r: Request) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const request = await sent;
    const url = new URL(request.url());
    const headers = await request.allHeaders();
    const body = (request.postData() ?? '').replace(EMAIL, `${EMAIL}*`).replace(PASSWORD, `${PASSWORD}*`);
    if (!body.includes('*')) throw new Error('The sign-in request did not carry the typed email and password');
    const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
    for (const [name, value] of Object.entries(headers)) {
      if (!['host', 'content-length', 'connection'].includes(name.toLowerCase()) && !name.startsWith(':')) lines.push(`${name}: ${value}`);
    }
    writeFileSync(requestFile, `${lines.join('\r\n')}\r\n\r\n${body}`);
  } finally {
    await browser.close();
  }
}
