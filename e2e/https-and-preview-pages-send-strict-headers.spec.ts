import { expect, test } from '@playwright/test';
import { expectSaved, newPreviewLinkField, startStory, typeInStory, unique } from './support/newsroom';
import { storageState } from './support/sign-in';

test('pages reached over https tell the browser to keep to https; plain http does not', async ({ request }) => {
  // The test server has an http SITE_URL, so HSTS follows what the TLS proxy in front reports.
  for (const path of ['/', '/articles/city-council-approves-2400-homes-on-former-shipyard-site', '/login', '/api/health']) {
    const overHttps = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.headers()['strict-transport-security'], path).toBe('max-age=63072000');
    const overHttp = await request.get(path);
    expect(overHttp.headers()['strict-transport-security'], path).toBeUndefined();
  }
});

test('a preview link is served with the newsroom’s nonce policy, and the page runs under it', async ({ browser }) => {
  // A story written and previewed: over 60 s once in a loaded clean-clone run.
  test.slow();
  const headline = `Preview policy ${unique()}`;
  const editor = await (await browser.newContext({ storageState: storageState('editor') })).newPage();
  await startStory(editor, headline);
  await typeInStory(editor, 'Words for an outside reader to check.');
  await expectSaved(editor);
  await editor.getByRole('button', { name: 'Create preview link' }).click();
  const link = await newPreviewLinkField(editor).inputValue();
  await editor.context().close();

  const outsider = await (await browser.newContext()).newPage();
  const refused: string[] = [];
  outsider.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const response = (await outsider.goto(new URL(link).pathname))!;
  expect(response.status()).toBe(200);
  const policy = response.headers()['content-security-policy']!;
  const nonce = /'nonce-([\w+/=]+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  await expect(outsider.getByRole('heading', { level: 1 })).toHaveText(headline);
  // Every script Next wrote into the page carries this response's nonce, so none was refused.
  const scripts = await outsider.locator('script:not([type="application/ld+json"])').evaluateAll((elements) =>
    elements.map((element) => (element as HTMLScriptElement).nonce),
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  expect(refused).toEqual([]);
});
