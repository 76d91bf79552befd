import 'server-only';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export type CapturedResponse = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

export type CaptureParams = {
  /** Decides from the status and headers, once they are final, whether the body is worth keeping. */
  keep: (status: number, headers: OutgoingHttpHeaders) => boolean;
  maxBodyBytes: number;
  /** The response finished whole and was kept: its status, headers and the bytes sent. */
  onKept: (captured: CapturedResponse) => void;
  /** The response was not kept: refused, too large, or the connection closed before the end. */
  onDropped: () => void;
};

/**
 * Copies what a response sends, by wrapping its writeHead, write and end before Next sees
 * it. Next's compression (`next/dist/compiled/compression`, installed per request after the
 * 'request' event) wraps these again on top, and feeds its gzip output to the functions it
 * found there, so what is copied here is what went on the wire: compressed, with the
 * Content-Encoding and Vary it set before calling writeHead.
 */
export function captureResponse(response: ServerResponse, params: CaptureParams): void {
  let chunks: Buffer[] = [];
  let size = 0;
  let keeping = true;
  let status = 0;
  let headers: OutgoingHttpHeaders = {};

  const drop = () => {
    keeping = false;
    chunks = [];
  };
  const copy = (chunk: unknown, encoding: unknown) => {
    if (!keeping || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : chunk instanceof Uint8Array ? Buffer.from(chunk) : null;
    if (!bytes) return drop();
    size += bytes.length;
    if (size > params.maxBodyBytes) return drop();
    chunks.push(bytes);
  };

  const { writeHead, write, end } = response;
  response.writeHead = function capturedWriteHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    status = statusCode;
    const given = rest.find((argument) => typeof argument === 'object' && argument !== null);
    // Raw header arrays are not worth decoding here: such a response is simply not kept.
    if (Array.isArray(given)) drop();
    headers = { ...this.getHeaders() };
    if (given && !Array.isArray(given)) for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) headers[name.toLowerCase()] = value;
    if (keeping && !params.keep(status, headers)) drop();
    return Reflect.apply(writeHead, this, [statusCode, ...rest]) as ServerResponse;
  } as ServerResponse['writeHead'];
  response.write = function capturedWrite(this: ServerResponse, ...args: unknown[]) {
    copy(args[0], args[1]);
    return Reflect.apply(write, this, args) as boolean;
  } as ServerResponse['write'];
  response.end = function capturedEnd(this: ServerResponse, ...args: unknown[]) {
    copy(args[0], args[1]);
    return Reflect.apply(end, this, args) as ServerResponse;
  } as ServerResponse['end'];

  let finished = false;
  response.once('finish', () => {
    finished = true;
    // A response that never called writeHead (headers sent by end alone) still went through
    // _implicitHeader, which calls writeHead: status 0 means something bypassed both.
    if (keeping && status !== 0) params.onKept({ status, headers, body: Buffer.concat(chunks, size) });
    else params.onDropped();
    chunks = [];
  });
  response.once('close', () => {
    if (!finished) params.onDropped();
    chunks = [];
  });
}
