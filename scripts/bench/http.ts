/**
 * A plain node:http client: no implicit Accept-Encoding and no decompression (fetch adds
 * both), so sizes are the bytes on the wire and a test of "gzip or not" means what it says.
 */
import http, { type IncomingHttpHeaders } from 'node:http';

export type HttpResponse = {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Status line, headers and body as received. */
  wireBytes: number;
  ms: number;
};

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Another connection pool than the shared one (64 sockets), e.g. one per simulated reader. */
  agent?: http.Agent;
  timeoutMs?: number;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export async function request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  try {
    return await send(url, options);
  } catch (error) {
    // A kept-alive connection the server closed while it sat idle fails on its next use;
    // Node's documentation recommends sending such a request once more.
    if ((error as { reusedSocket?: boolean }).reusedSocket) return send(url, options);
    throw error;
  }
}

function send(url: string, options: RequestOptions): Promise<HttpResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent: options.agent ?? agent,
        method: options.method ?? 'GET',
        headers: { ...(options.body ? { 'Content-Length': String(options.body.length) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          // "Name: value\r\n" per header, the status line and the blank line (chunk framing left out).
          const headerBytes = res.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0) + 17 + (res.statusMessage?.length ?? 0);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, wireBytes: headerBytes + body.length, ms: performance.now() - started });
        });
      },
    );
    req.on('error', (error: Error & { code?: string }) => {
      const stale = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(Object.assign(error, { reusedSocket: stale }));
    });
    req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error(`${url} timed out`)));
    req.end(options.body);
  });
}

export async function getText(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await request(url, { headers });
  return { status: response.status, text: response.body.toString('utf8') };
}

export function closeConnections(): void {
  agent.destroy();
}
