import http, { type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * The build's own files (`/_next/static/…`) answer every method but GET and HEAD with 405,
 * before Next sees the request.
 *
 * Why this exists: `next start` (Next 16.4, `server/lib/router-server.js`) sets 405 and
 * `Allow` for such a request and then renders its `/405` page, which an App-Router-only app
 * does not have, so the answer is a 500 (vercel/next.js#92141). A crawler's OPTIONS to a
 * script (wapiti's `methods` module in `npm run security`) or a stray POST filled the error
 * log with server failures that were none.
 */
const STATIC_FOLDER = '/_next/static/';
const ALLOWED = 'GET, HEAD';

const shared = globalThis as unknown as { mastheadStaticFileMethods?: true };

/** Installs the check for every HTTP server of this process (once, from instrumentation.ts). */
export function refuseOtherMethodsOnStaticFiles(): void {
  if (shared.mastheadStaticFileMethods) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function staticFileMethodsEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (isOtherMethodOnStaticFile(request.method, request.url)) {
        response.writeHead(405, { Allow: ALLOWED, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        response.end('Method Not Allowed');
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  };
  shared.mastheadStaticFileMethods = true;
}

export function isOtherMethodOnStaticFile(method: string | undefined, url: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || !url) return false;
  const path = url.split('?')[0]!;
  // Next finds the file by the decoded path, so `/_next/%73tatic/…` is the same file.
  return path.startsWith(STATIC_FOLDER) || decoded(path).startsWith(STATIC_FOLDER);
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
