import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tellExpiryListeners } from '@/lib/cache/expiry-listeners';
import { expireTagsInThisProcess } from '@/lib/cache/expire-in-process';
import { logRequests } from '@/lib/log';
import { waitUntil } from '@/test/wait-until';
import { cachePages } from './page-cache';
import { noteRenderError } from './page-cache-failures';

// The compression `next start` puts on every response (router-server.js), wrapped around ours.
type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
const compress = (createRequire(import.meta.url)('next/dist/compiled/compression') as () => Middleware)();

const READER = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400';
const calls = new Map<string, number>();
const gates = new Map<string, Promise<void>>();
/**
 * Paths whose render fails, as a page does when its query throws: a bug, or the database not
 * answering, reported (as Next does, through onRequestError) after the error page's head,
 * before or just after its end.
 */
type Failure = 'bug' | 'database' | 'database, reported after the end';
const failures = new Map<string, Failure>();

/** A stand-in for Next: counts renders per path, says which render this is, and marks pages as reader pages do. */
async function render(request: IncomingMessage, response: ServerResponse) {
  compress(request, response, () => {});
  const path = request.url!.split('?')[0]!;
  const count = (calls.get(path) ?? 0) + 1;
  calls.set(path, count);
  const failure = failures.get(path); // as the render begins: its query fails, whatever happens meanwhile
  await gates.get(path);
  if (failure) return fail(request, response, failure);
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', path === '/private' ? 'private, no-store' : READER);
  if (path === '/sets-cookie') response.setHeader('Set-Cookie', 'authjs.csrf-token=x');
  if (path === '/missing') response.statusCode = 404;
  // Large enough for compression (1 KB), written in pieces as a streamed page is.
  response.write(`<p>render ${count} of ${path}</p>`);
  if (path === '/aborted') return response.destroy();
  response.write('<p>'.padEnd(4_000, 'x'));
  response.end('</p>');
}

/** What Next does when a page throws: sends its error page as 500, and tells instrumentation's onRequestError meanwhile. */
function fail(request: IncomingMessage, response: ServerResponse, failure: Failure) {
  const error = failure === 'bug' ? new Error('a bug') : Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) });
  const report = () => noteRenderError(request.headers['x-request-id'], error);
  response.statusCode = 500;
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  response.write('<h1>Internal Server Error</h1>'.padEnd(2_000, ' '));
  setTimeout(() => {
    if (failure === 'database') report();
    response.end('</html>');
    if (failure === 'database, reported after the end') setImmediate(report);
  }, 5);
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
let base = '';
const server = http.createServer((request, response) => void render(request, response));

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(base + path, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
const text = (answer: Answer) => (answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body).toString();
const renderOf = (answer: Answer) => /render (\d+)/.exec(text(answer))?.[1];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Until the stand-in for Next has begun render `count` of `path`: a request sent before it has reached the app. */
const renderBegun = (path: string, count: number) => waitUntil(() => calls.get(path) === count, `render ${count} of ${path} to begin`);

beforeAll(async () => {
  logRequests();
  cachePages(1);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((closed) => server.close(closed)));

describe('the page cache in front of the app', () => {
  it('answers a second GET within the second from the stored copy, with its own request id and log line', async () => {
    const first = await get('/articles/one');
    expect(first.headers['x-page-cache']).toBe('miss');
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let second: Answer;
    try {
      second = await get('/articles/one');
      await sleep(5);
    } finally {
      spy.mockRestore();
    }
    expect(calls.get('/articles/one')).toBe(1);
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers['content-length']).toBe(String(first.body.length));
    expect(second.headers.age).toBe('0');
    expect(second.headers['cache-control']).toBe(READER);
    expect(second.headers['transfer-encoding']).toBeUndefined();
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    const lines = written.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', requestId: second.headers['x-request-id'], route: '/articles/one', status: 200 }));
  });

  it('answers HEAD from the stored copy, and never stores its empty answer', async () => {
    const head = (path: string) => new Promise<http.IncomingMessage>((resolve, reject) => http.request(base + path, { method: 'HEAD', agent: false }, resolve).on('error', reject).end());
    expect((await head('/headed')).headers['x-page-cache']).toBe('miss');
    const stored = await get('/headed');
    expect(stored.headers['x-page-cache']).toBe('miss');
    expect(renderOf(stored)).toBe('2');
    const hit = await head('/headed');
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(hit.headers['content-length']).toBe(String(stored.body.length));
    expect(calls.get('/headed')).toBe(2);
  });

  it('keeps what Next sent, gzip and plain apart', async () => {
    const zipped = await get('/home', { 'accept-encoding': 'gzip, deflate, br' });
    const plain = await get('/home');
    expect(calls.get('/home')).toBe(2);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // A reader who takes only deflate shares the plain copy: Next is asked for no encoding.
    const deflateOnly = await get('/home', { 'accept-encoding': 'deflate' });
    const zippedAgain = await get('/home', { 'accept-encoding': 'gzip' });
    expect(calls.get('/home')).toBe(2);
    expect(deflateOnly.headers['x-page-cache']).toBe('hit');
    expect(deflateOnly.headers['content-encoding']).toBeUndefined();
    expect(zippedAgain.headers['x-page-cache']).toBe('hit');
    expect(zippedAgain.headers['content-encoding']).toBe('gzip');
    // Each is the copy of its own render: the gzip one first, the plain one second.
    expect([renderOf(zippedAgain), renderOf(deflateOnly)]).toEqual(['1', '2']);
    expect(gunzipSync(zippedAgain.body).equals(gunzipSync(zipped.body))).toBe(true);
  });

  it('never answers a signed-in reader or a router request from the cache, and never keeps their answers', async () => {
    const personalHeaders: Record<string, string>[] = [{ cookie: 'theme=dark; authjs.session-token=abc' }, { cookie: '__Secure-authjs.session-token.0=abc' }, { rsc: '1' }, { 'next-router-prefetch': '1' }];
    for (const headers of personalHeaders) {
      const path = `/signed-in-${Object.values(headers)[0]!.length}-${Object.keys(headers)[0]}`;
      const personal = await get(path, headers);
      expect(personal.headers['x-page-cache']).toBe('bypass');
      expect(renderOf(await get(path))).toBe('2'); // not stored from the personal request
      expect(renderOf(await get(path, headers))).toBe('3'); // not served the stored copy
      expect(renderOf(await get(path))).toBe('2');
    }
  });

  it('keeps no private, cookie-setting, unsuccessful or unfinished response', async () => {
    for (const path of ['/private', '/sets-cookie', '/missing']) {
      await get(path);
      const again = await get(path);
      expect(again.headers['x-page-cache'], path).toBe('miss');
      expect(calls.get(path), path).toBe(2);
    }
    await get('/aborted').catch(() => null);
    await get('/aborted').catch(() => null);
    expect(calls.get('/aborted')).toBe(2);
  });

  it('while a page past its second is refreshed, other readers get the previous copy', async () => {
    await get('/busy');
    await sleep(1_050);
    let open!: () => void;
    gates.set('/busy', new Promise<void>((resolve) => (open = resolve)));
    const refreshing = get('/busy');
    await renderBegun('/busy', 2);
    const others = await Promise.all(Array.from({ length: 5 }, () => get('/busy')));
    open();
    gates.delete('/busy');
    expect(others.map((answer) => answer.headers['x-page-cache'])).toEqual(Array(5).fill('stale'));
    expect(others.map(renderOf)).toEqual(Array(5).fill('1'));
    expect(Number(others[0]!.headers.age)).toBeGreaterThanOrEqual(1);
    expect(renderOf(await refreshing)).toBe('2');
    expect(calls.get('/busy')).toBe(2);
    const after = await get('/busy');
    expect([after.headers['x-page-cache'], renderOf(after)]).toEqual(['hit', '2']);
  });

  it('forgets every page when any cache tag expires', async () => {
    await get('/articles/two');
    expect((await get('/articles/two')).headers['x-page-cache']).toBe('hit');
    tellExpiryListeners(['article:some-other-story']);
    const after = await get('/articles/two');
    expect(after.headers['x-page-cache']).toBe('miss');
    expect(renderOf(after)).toBe('2');
  });

  it("forgets every page again when Next's own cache takes an expiry in (an action's revalidateTag lands after it ends)", async () => {
    await get('/articles/three');
    expect((await get('/articles/three')).headers['x-page-cache']).toBe('hit');
    expireTagsInThisProcess(['article:three']);
    expect((await get('/articles/three')).headers['x-page-cache']).toBe('miss');
    expect((await get('/articles/three')).headers['x-page-cache']).toBe('hit');
    expireTagsInThisProcess(['article:three']); // the same tag again, later: still news
    expect((await get('/articles/three')).headers['x-page-cache']).toBe('miss');
  });

  it('does not keep a page whose request began before an expiry: it may show the old data', async () => {
    let open!: () => void;
    gates.set('/slow', new Promise<void>((resolve) => (open = resolve)));
    const before = get('/slow');
    await renderBegun('/slow', 1);
    tellExpiryListeners(['article:test']);
    open();
    gates.delete('/slow');
    expect((await before).headers['x-page-cache']).toBe('miss');
    const next = await get('/slow');
    expect([next.headers['x-page-cache'], renderOf(next)]).toEqual(['miss', '2']);
    expect((await get('/slow')).headers['x-page-cache']).toBe('hit');
  });
});

describe('the page cache when the app fails to render a page', () => {
  it('answers with the last good copy instead of a 5xx, marked stale-error and kept by no cache in front', async () => {
    const zipped = { 'accept-encoding': 'gzip' };
    const good = await get('/outage/story', zipped);
    await sleep(1_050);
    failures.set('/outage/story', 'database');
    try {
      const during = await get('/outage/story', zipped);
      expect(during.status).toBe(200);
      expect(during.headers['x-page-cache']).toBe('stale-error');
      expect(during.headers['cache-control']).toBe('no-store');
      expect(during.headers['content-encoding']).toBe('gzip');
      expect(during.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(during.headers['x-request-id']).not.toBe(good.headers['x-request-id']);
      expect(Number(during.headers.age)).toBeGreaterThanOrEqual(1);
      expect(renderOf(during)).toBe('1');
      expect(calls.get('/outage/story')).toBe(2); // the app was asked, and failed
    } finally {
      failures.delete('/outage/story');
    }
    const after = await get('/outage/story', zipped);
    expect([after.status, after.headers['x-page-cache'], renderOf(after)]).toEqual([200, 'miss', '3']);
  });

  it('never answers with a copy an expiry forgot (an unpublished story stays gone): 503 when the database was down, else the 500', async () => {
    const paths = ['/outage/unpublished', '/outage/reported-late', '/outage/broken'];
    for (const path of paths) await get(path);
    tellExpiryListeners(['article:unpublished']);
    failures.set('/outage/unpublished', 'database');
    failures.set('/outage/reported-late', 'database, reported after the end');
    failures.set('/outage/broken', 'bug');
    try {
      for (const path of ['/outage/unpublished', '/outage/reported-late']) {
        const down = await get(path);
        expect(down.status, path).toBe(503);
        expect(down.headers['retry-after'], path).toBe('5');
        expect(down.headers['cache-control'], path).toBe('no-store');
        expect(down.headers['x-page-cache'], path).toBe('miss');
        expect(text(down), path).toMatch(/^<h1>Internal Server Error<\/h1> +<\/html>$/);
      }
      const started = performance.now();
      const bug = await get('/outage/broken');
      expect(bug.status).toBe(500);
      expect(bug.headers['retry-after']).toBeUndefined();
      expect(text(bug)).toContain('Internal Server Error');
      expect(performance.now() - started).toBeLessThan(400); // held for the report a moment only
    } finally {
      for (const path of paths) failures.delete(path);
    }
  });
});

describe('the page cache after a clear, when many readers ask for the same page at once', () => {
  it('renders the page once and answers every waiting reader with that render', async () => {
    await get('/herd');
    tellExpiryListeners(['article:herd']);
    let open!: () => void;
    gates.set('/herd', new Promise<void>((resolve) => (open = resolve)));
    const first = get('/herd');
    await renderBegun('/herd', 2);
    const others = Array.from({ length: 8 }, () => get('/herd'));
    await sleep(50);
    open();
    gates.delete('/herd');
    const answers = await Promise.all([first, ...others]);
    expect(calls.get('/herd')).toBe(2);
    expect(answers.map(renderOf)).toEqual(Array(9).fill('2'));
    expect(answers.map((answer) => answer.headers['x-page-cache'])).toEqual(['miss', ...Array(8).fill('hit')]);
  });

  it('a render that fails holds no one back: those waiting render for themselves', async () => {
    let open!: () => void;
    gates.set('/herd-fails', new Promise<void>((resolve) => (open = resolve)));
    failures.set('/herd-fails', 'bug');
    const first = get('/herd-fails');
    await renderBegun('/herd-fails', 1);
    const others = Array.from({ length: 3 }, () => get('/herd-fails'));
    await sleep(50);
    expect(calls.get('/herd-fails')).toBe(1);
    failures.delete('/herd-fails');
    open();
    gates.delete('/herd-fails');
    // The first render still ends in a 500; the others render for themselves once it has.
    const [failed, ...rest] = await Promise.all([first, ...others]);
    expect(failed!.status).toBe(500);
    expect(rest.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(calls.get('/herd-fails')).toBe(4);
  });

  it('a render that hangs holds the others back 2 seconds at most', async () => {
    let open!: () => void;
    gates.set('/herd-hangs', new Promise<void>((resolve) => (open = resolve)));
    const hung = get('/herd-hangs');
    await renderBegun('/herd-hangs', 1);
    const started = performance.now();
    gates.set('/herd-hangs', Promise.resolve()); // renders from now on are quick
    const waited = await get('/herd-hangs');
    const waitedMs = performance.now() - started;
    expect(waited.status).toBe(200);
    expect(waitedMs).toBeGreaterThan(1_800);
    expect(waitedMs).toBeLessThan(3_000); // the hung render is still hung: it did not wait for that
    expect(calls.get('/herd-hangs')).toBe(2);
    open();
    gates.delete('/herd-hangs');
    expect((await hung).status).toBe(200);
  });
});
