import { createServer, type Server } from 'node:http';

/**
 * A stand-in for wapiti's public SSRF endpoint, on loopback, so nothing leaves the machine.
 * wapiti's ssrf module puts `<endpoint>ssrf/<session>/<request id>/<hex parameter>/` into
 * every parameter; if the app ever fetched such a URL, it lands here, and wapiti's closing
 * question (`get_ssrf.php?id=<session>`) is answered with what arrived, in its format.
 */
export async function startSsrfEndpoint(port: number): Promise<{ url: string; hits: () => number; stop: () => Promise<void> }> {
  type Hit = { url: string; date: string; ip: string; method: string; size: number };
  const seen = new Map<string, Record<string, Record<string, Hit[]>>>();
  let count = 0;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.endsWith('/get_ssrf.php')) {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(seen.get(url.searchParams.get('id') ?? '') ?? {}));
      return;
    }
    const [, kind, session, requestId, hexParameter] = url.pathname.split('/');
    if (kind === 'ssrf' && session && requestId && hexParameter) {
      count++;
      const bySession = seen.get(session) ?? {};
      seen.set(session, bySession);
      ((bySession[requestId] ??= {})[hexParameter] ??= []).push({
        url: url.toString(),
        date: new Date().toISOString(),
        ip: request.socket.remoteAddress ?? '',
        method: request.method ?? 'GET',
        size: Number(request.headers['content-length'] ?? 0),
      });
    }
    response.end('ok');
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}/`,
    hits: () => count,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
