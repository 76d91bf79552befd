import { expect, request as playwrightRequest, test } from '@playwright/test';
import { rawRequest } from './support/raw-http';
import { demoEmail, signIn, storageState } from './support/sign-in';

const MB = 1024 * 1024;

test('a huge view report is refused with 413 while it is still being sent', async () => {
  const answer = await rawRequest({ method: 'POST', path: '/api/views', headers: { 'content-type': 'application/json' }, streamBytes: 200 * MB });
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('at most 1024 bytes');
  // The server answered long before the body was through: it stopped reading, not buffered.
  expect(answer.bytesSent).toBeLessThan(50 * MB);
});

test('a report that declares a huge length is refused before any of it is sent', async () => {
  const answer = await rawRequest({ method: 'POST', path: '/api/views', headers: { 'content-length': String(800 * MB) } });
  expect(answer.status).toBe(413);
  expect(answer.bytesSent).toBe(0);
});

test('a huge sign-in body is refused with 413 while it is still being sent', async () => {
  const answer = await rawRequest({ method: 'POST', path: '/api/auth/callback/credentials', headers: { 'content-type': 'application/x-www-form-urlencoded' }, streamBytes: 200 * MB });
  expect(answer.status).toBe(413);
  expect(answer.bytesSent).toBeLessThan(50 * MB);
});

test('an upload with Origin: null is refused with 403, not a server error', async () => {
  const reporter = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: storageState('reporter') });
  for (const origin of ['null', '::::', 'https://elsewhere.example']) {
    const response = await reporter.post('/api/media', { headers: { origin, 'x-filename': 'a.jpg' }, data: Buffer.from('x') });
    expect(response.status(), `Origin: ${origin}`).toBe(403);
    expect((await response.json()).error).toBe('Uploads must come from the newsroom.');
  }
  await reporter.dispose();
});

// Every route handler (and the newsroom's entry pages, whose session check reads the
// forwarding headers), with each header a client could send malformed: nothing may be a 5xx.
const routes: [method: 'GET' | 'POST', path: string][] = [
  ['GET', '/newsroom'],
  ['GET', '/login'],
  ['GET', '/api/health'],
  ['POST', '/api/views'],
  ['POST', '/api/media'],
  ['GET', '/api/auth/session'],
  ['GET', '/api/auth/csrf'],
  ['GET', '/api/auth/providers'],
  ['POST', '/api/auth/callback/credentials'],
  ['POST', '/api/auth/signout'],
  ['GET', '/media/not-a-key'],
  ['GET', '/media/..%2F..%2Fetc%2Fpasswd'],
  ['GET', '/feed.xml'],
  ['GET', '/sections/national/feed.xml'],
  ['GET', '/sitemap.xml'],
  ['GET', '/news-sitemap.xml'],
  ['GET', '/sitemaps/not-a-file.xml'],
  ['GET', '/logo.png'],
  ['GET', '/articles/city-council-approves-2400-homes-on-former-shipyard-site/og.png'],
  ['GET', '/robots.txt'],
];
const malformed: Record<string, string>[] = [
  { origin: 'null' },
  { origin: '::::' },
  { 'x-forwarded-for': ',,, not an address ,,' },
  { 'x-forwarded-host': 'bad host/../x' },
  { 'x-forwarded-proto': 'gopher' },
  { cookie: 'authjs.session-token=%%%not-a-token; authjs.csrf-token=%E0%A4%A; __Secure-authjs.session-token=x' },
  { 'content-type': 'multipart/form-data' },
  { 'content-type': 'application/json', 'x-filename': '%E0%A4%A' },
  { range: 'bytes=garbage', 'if-none-match': '"unterminated', 'if-modified-since': 'yesterday' },
  { accept: '*/*;q=nonsense', 'accept-encoding': 'gzip;q=x, br;;' },
];

test('no route handler answers a malformed header with a server error, signed in or not', async ({ browser, request }) => {
  test.setTimeout(240_000); // some 400 requests, newsroom pages among them
  // A session of its own: the probe posts to sign-out, which must not end the shared one.
  const signedIn = await browser.newContext();
  await signIn(await signedIn.newPage(), demoEmail.reporter);
  const failures: string[] = [];
  for (const api of [request, signedIn.request]) {
    for (const [method, path] of routes) {
      await Promise.all(
        malformed.map(async (headers) => {
          const response = await api.fetch(path, { method, headers, data: method === 'POST' ? '{}' : undefined, maxRedirects: 0 });
          if (response.status() >= 500) failures.push(`${method} ${path} ${JSON.stringify(headers)} → ${response.status()}`);
        }),
      );
    }
  }
  await signedIn.close();
  expect(failures).toEqual([]);
});

test('a script of the build asked for with any method but GET or HEAD answers 405, not a server error', async ({ request }) => {
  const home = await (await request.get('/')).text();
  const script = /\/_next\/static\/[^"]+\.js/.exec(home)?.[0];
  expect(script, 'a script on the home page').toBeTruthy();
  // A crawler's OPTIONS (wapiti's `methods` module) or a stray POST; also spelled as Next would decode it.
  for (const path of [script!, script!.replace('/static/', '/%73tatic/')]) {
    for (const method of ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await rawRequest({ method, path });
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.allow, `${method} ${path}`).toBe('GET, HEAD');
    }
  }
  expect((await request.get(script!)).status()).toBe(200);
  expect((await request.head(script!)).status()).toBe(200);
});
