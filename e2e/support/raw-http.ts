import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

const port = Number(process.env.E2E_PORT ?? 3100);

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: string; bytesSent: number };

/**
 * A request straight over a socket, for what a browser or Playwright's client cannot do:
 * stream a body of any size (and see whether the server answers before it has all been
 * sent), or come from another loopback address (`from`: 127.0.0.2 is another client).
 */
export function rawRequest(params: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Bytes to stream in 64 KB pieces until the server answers. */
  streamBytes?: number;
  from?: string;
}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const request = httpRequest(
      { host: '127.0.0.1', port, method: params.method ?? 'GET', path: params.path, headers: params.headers, localAddress: params.from },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), bytesSent });
          request.destroy();
        });
      },
    );
    request.on('error', (error) => (answered ? undefined : reject(error)));
    request.flushHeaders();
    const piece = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && bytesSent < (params.streamBytes ?? 0)) {
        bytesSent += piece.length;
        if (!request.write(piece)) return void request.once('drain', pump);
      }
      if (!answered && !params.headers?.['content-length']) request.end();
    };
    pump();
  });
}
