import { rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProgram } from '@/scripts/bench/system-tools';
import { startNginxProxy, testNginxConfig, writeLocalNginxConfig, type NginxProxy } from './nginx-proxy';

/** A stand-in app instance: answers like Masthead does and counts what reached it. */
type FakeApp = { server: Server; address: string; hits: string[] };

async function fakeApp(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<FakeApp> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    handle(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

function appLike(request: IncomingMessage, response: ServerResponse, name: string) {
  const url = request.url ?? '/';
  if (url.startsWith('/_next/static/') && name === 'old-build' && url.includes('new-chunk')) {
    response.writeHead(404).end('not in this build');
    return;
  }
  if (url === '/drop') {
    request.socket.destroy(); // an instance dying mid-request
    return;
  }
  const cacheControl = url.startsWith('/newsroom') || url.startsWith('/login') || url.startsWith('/preview/') || url === '/private-page'
    ? 'private, no-store'
    : url.startsWith('/_next/static/') || url.startsWith('/media/')
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
  // What proxy.ts sends with reader pages: keep this no later than the current second.
  const untilThisSecond = url.startsWith('/this-second') ? { 'X-Accel-Expires': `@${Math.floor(Date.now() / 1000)}` } : {};
  response.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': cacheControl, 'X-Served-By': name, 'X-Seen-Forwarded-For': String(request.headers['x-forwarded-for'] ?? ''), ...untilThisSecond });
  response.end(`${name} ${url} ${Date.now()}`);
}

/** A stand-in collaboration server: accepts a WebSocket upgrade, notes its headers and echoes every byte. */
type FakeCollab = { server: Server; address: string; upgrades: IncomingMessage['headers'][] };

async function fakeCollab(): Promise<FakeCollab> {
  const upgrades: IncomingMessage['headers'][] = [];
  const server = createServer((_request, response) => response.writeHead(426).end('WebSocket only'));
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    upgrades.push(request.headers);
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    socket.on('data', (bytes) => socket.write(bytes));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}`, upgrades };
}

/** Opens an upgraded connection through nginx, sends `message` and resolves with what comes back. */
function echoThrough(url: string, message: string): Promise<{ status: number; echoed: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
    request.on('upgrade', (response, socket) => {
      socket.once('data', (bytes) => {
        socket.destroy();
        resolve({ status: response.statusCode ?? 0, echoed: bytes.toString() });
      });
      socket.write(message);
    });
    request.on('response', (response) => reject(new Error(`no upgrade: ${response.statusCode}`)));
    request.on('error', reject);
    request.setTimeout(5_000, () => request.destroy(new Error('timed out')));
    request.end();
  });
}

const nginx = findProgram('nginx');
let a: FakeApp;
let b: FakeApp;
let collab: FakeCollab;
let proxy: NginxProxy;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

const hitsFor = (path: string) => [...a.hits, ...b.hits].filter((hit) => hit.endsWith(` ${path}`)).length;
const get = (path: string, headers: Record<string, string> = {}) => fetch(proxy.url(path), { headers, redirect: 'manual' });

describe.skipIf(!nginx && !process.env.CI)('deploy/nginx.conf', () => {
  beforeAll(async () => {
    if (!nginx) throw new Error('nginx is not installed (apt-get install nginx); .ci/run installs it.');
    a = await fakeApp((request, response) => appLike(request, response, 'new-build'));
    b = await fakeApp((request, response) => appLike(request, response, 'old-build'));
    collab = await fakeCollab();
    proxy = await startNginxProxy(nginx, await freePort(), [a.address, b.address], collab.address);
  });
  afterAll(async () => {
    await proxy?.stop();
    a?.server.close();
    b?.server.close();
    collab?.server.close();
  });

  it('passes nginx -t', () => {
    const { dir, configFile } = writeLocalNginxConfig(8159, ['127.0.0.1:3150', '127.0.0.1:3151']);
    const checked = testNginxConfig(nginx!, dir, configFile);
    rmSync(dir, { recursive: true, force: true });
    expect(checked.output).toContain('syntax is ok');
    expect(checked.ok, checked.output).toBe(true);
  });

  it('keeps a reader page for one to two seconds, and serves it stale while one request refreshes it', async () => {
    const first = await get('/articles/one');
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    const second = await get('/articles/one');
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
    expect(hitsFor('/articles/one')).toBe(1);
    await new Promise((done) => setTimeout(done, 2_100)); // nginx counts whole seconds
    const stale = await get('/articles/one');
    expect(['STALE', 'UPDATING', 'EXPIRED']).toContain(stale.headers.get('x-cache-status'));
    await new Promise((done) => setTimeout(done, 200));
    expect(hitsFor('/articles/one')).toBe(2);
    expect(first.headers.get('cache-control')).toContain('s-maxage=60'); // the app's header still reaches a CDN
  });

  it('keeps a page the app marks "until the end of this second" no longer than that', async () => {
    const atSecondStart = async () => {
      while (Date.now() % 1000 > 150) await new Promise((done) => setTimeout(done, 10));
    };
    await atSecondStart();
    const first = await get('/this-second/a');
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    expect(first.headers.get('x-accel-expires')).toBeNull(); // nginx keeps it to itself
    const startedSecond = Math.floor(Date.now() / 1000);
    expect((await get('/this-second/a')).headers.get('x-cache-status')).toBe('HIT');
    const plain = await get('/articles/until-two-seconds');
    // Into the next second, under a second after it was stored: stale already, where a
    // page under the plain "1s" rule is still fresh.
    while (Math.floor(Date.now() / 1000) === startedSecond) await new Promise((done) => setTimeout(done, 10));
    await new Promise((done) => setTimeout(done, 50));
    expect(['STALE', 'UPDATING', 'EXPIRED']).toContain((await get('/this-second/a')).headers.get('x-cache-status'));
    expect(plain.headers.get('x-cache-status')).toBe('MISS');
    expect((await get('/articles/until-two-seconds')).headers.get('x-cache-status')).toBe('HIT');
  });

  it('never caches for anyone with a session cookie, under either name and in chunks', async () => {
    for (const cookie of ['authjs.session-token=abc', '__Secure-authjs.session-token=abc', 'theme=dark; authjs.session-token.0=abc', 'x=1;__Secure-authjs.session-token.1=abc']) {
      const before = hitsFor('/sections/city');
      await get('/sections/city'); // fills the cache for readers
      const signedIn = await get('/sections/city', { Cookie: cookie });
      expect(signedIn.headers.get('x-cache-status'), cookie).toBe('BYPASS');
      expect(hitsFor('/sections/city') - before, cookie).toBeGreaterThanOrEqual(1);
      await new Promise((done) => setTimeout(done, 1_100));
    }
    // Auth.js's other cookies (a reader who opened /login) do not make a session.
    await get('/tags/ferries');
    const reader = await get('/tags/ferries', { Cookie: 'authjs.csrf-token=x; authjs.callback-url=y' });
    expect(reader.headers.get('x-cache-status')).toBe('HIT');
  });

  it('never caches the newsroom, sign-in, the API, previews, router requests or private answers', async () => {
    for (const path of ['/newsroom', '/newsroom/articles/1', '/login', '/api/health', '/api/views', '/preview/token', '/private-page']) {
      const before = hitsFor(path);
      await get(path);
      const again = await get(path);
      expect(again.headers.get('x-cache-status') ?? '', path).not.toBe('HIT');
      expect(hitsFor(path) - before, path).toBe(2);
    }
    await get('/articles/rsc');
    const router = await get('/articles/rsc', { RSC: '1' });
    expect(router.headers.get('x-cache-status')).toBe('BYPASS');
  });

  it('asks another instance for a build file the first does not have, and marks assets immutable', async () => {
    for (let i = 0; i < 4; i++) {
      const response = await get(`/_next/static/chunks/new-chunk-${i}.js`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-served-by')).toBe('new-build');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const media = await get('/media/0123456789abcdef0123-800.webp');
    expect(media.headers.get('cache-control')).toContain('immutable');
    expect((await get('/media/0123456789abcdef0123-800.webp')).headers.get('x-cache-status')).toBe('HIT');
  });

  it('tells the app the client address (for TRUSTED_PROXY_HOPS=1)', async () => {
    const response = await get('/newsroom/whoami');
    expect(response.headers.get('x-seen-forwarded-for')).toBe('127.0.0.1');
  });

  it('passes the story editor’s WebSocket at /collab to the collaboration server, both ways', async () => {
    const { status, echoed } = await echoThrough(proxy.url('/collab'), 'a Yjs update');
    expect(status).toBe(101);
    expect(echoed).toBe('a Yjs update');
    expect(collab.upgrades).toHaveLength(1);
    expect(collab.upgrades[0]!.upgrade).toBe('websocket');
    expect(collab.upgrades[0]!.connection).toBe('upgrade');
    expect(hitsFor('/collab')).toBe(0); // never the app
  });

  it('retries a read on another instance when one fails, but never repeats a POST', async () => {
    a.hits.length = 0;
    b.hits.length = 0;
    const post = await fetch(proxy.url('/drop'), { method: 'POST', body: 'x' });
    expect(post.status).toBe(502);
    expect(hitsFor('/drop')).toBe(1);
    // Both instances drop this read: it was tried on each, then failed with 502.
    // (Runs last: the failures take both stand-ins out of rotation for fail_timeout.)
    const read = await get('/drop', { Cookie: 'authjs.session-token=x' });
    expect(read.status).toBe(502);
    expect(hitsFor('/drop')).toBe(3);
  });

});
