import 'server-only';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export type CapturedResponse = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

/**
 * What to do with a response whose status is final, before anything is sent: answer in the
 * app's place (`answer` writes the whole response; what the app sends after is dropped);
 * send the app's answer with another status and these headers; or hold it (what the app
 * writes meanwhile is queued) until `hold` decides, at most END_GRACE_MS after the app ended it.
 */
export type HeadAction =
  | { answer: (response: ServerResponse) => void }
  | { status: number; headers: Record<string, string> }
  | { hold: Promise<HeadAction> }
  | null;

export type CaptureParams = {
  /** Decides from the status and headers, once they are final, whether the body is worth keeping. */
  keep: (status: number, headers: OutgoingHttpHeaders) => boolean;
  maxBodyBytes: number;
  /** The response finished whole and was kept: its status, headers and the bytes sent. */
  onKept: (captured: CapturedResponse) => void;
  /** The response was not kept: refused, too large, answered in its place, or the connection closed before the end (status 0 when none was set). */
  onDropped: (status: number) => void;
  /** Sees the status first, and may answer instead of the app, change the status, or hold the response. */
  onHead?: (status: number) => HeadAction;
};

/** How long a held response waits for its decision once the app has written all of it. */
export const END_GRACE_MS = 50;

type Call = ['write' | 'end', unknown[]];

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
  let answered = false;
  let held: { head: [number, unknown[]]; queue: Call[]; decide: (action: HeadAction) => void } | null = null;
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

  /** Sends the head as the action says (or holds it), and tells whether the app's body still goes out. */
  const sendHead = (statusCode: number, rest: unknown[], action: HeadAction) => {
    status = statusCode;
    if (action && 'answer' in action) {
      answered = true;
      drop();
      answerInstead(action.answer);
      return;
    }
    if (action && 'hold' in action) {
      let decided = false;
      const decide = (later: HeadAction) => {
        if (decided) return;
        decided = true;
        const queue = held!.queue;
        held = null;
        if (response.destroyed) return;
        sendHead(statusCode, rest, later && 'hold' in later ? null : later);
        for (const [name, args] of queue) Reflect.apply(name === 'write' ? capturedWrite : capturedEnd, response, args);
      };
      held = { head: [statusCode, rest], queue: [], decide };
      action.hold.then(decide, () => decide(null));
      return;
    }
    if (action) {
      status = action.status;
      for (const [name, value] of Object.entries(action.headers)) response.setHeader(name, value);
      // A reason phrase given with the old status would not fit the new one.
      rest = rest.filter((argument) => typeof argument !== 'string');
    }
    const given = rest.find((argument) => typeof argument === 'object' && argument !== null);
    // Raw header arrays are not worth decoding here: such a response is simply not kept.
    if (Array.isArray(given)) drop();
    headers = { ...response.getHeaders() };
    if (given && !Array.isArray(given)) for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) headers[name.toLowerCase()] = value;
    if (keeping && !params.keep(status, headers)) drop();
    Reflect.apply(writeHead, response, [status, ...rest]);
  };

  /** Lets `answer` use the response's own methods, then puts the wrappers back for what the app still sends. */
  const answerInstead = (answer: (target: ServerResponse) => void) => {
    const wrapped = { writeHead: response.writeHead, write: response.write, end: response.end };
    Object.assign(response, { writeHead, write, end });
    try {
      answer(response);
    } finally {
      Object.assign(response, wrapped);
    }
  };

  // A second writeHead (flushHeaders, an implicit head) while one is held or after answering changes nothing.
  response.writeHead = function capturedWriteHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (!answered && !held) sendHead(statusCode, rest, params.onHead?.(statusCode) ?? null);
    return this;
  } as ServerResponse['writeHead'];
  const capturedWrite = function capturedWrite(this: ServerResponse, ...args: unknown[]) {
    if (answered) return skipped(args);
    if (held) return (held.queue.push(['write', args]), true);
    copy(args[0], args[1]);
    return Reflect.apply(write, this, args) as boolean;
  } as ServerResponse['write'];
  const capturedEnd = function capturedEnd(this: ServerResponse, ...args: unknown[]) {
    if (answered) return (skipped(args), this);
    if (held) {
      held.queue.push(['end', args]);
      const { decide } = held;
      setTimeout(() => decide(null), END_GRACE_MS).unref();
      return this;
    }
    copy(args[0], args[1]);
    return Reflect.apply(end, this, args) as ServerResponse;
  } as ServerResponse['end'];
  response.write = capturedWrite;
  response.end = capturedEnd;

  let finished = false;
  response.once('finish', () => {
    finished = true;
    // A response that never called writeHead (headers sent by end alone) still went through
    // _implicitHeader, which calls writeHead: status 0 means something bypassed both.
    if (keeping && status !== 0) params.onKept({ status, headers, body: Buffer.concat(chunks, size) });
    else params.onDropped(status);
    chunks = [];
  });
  response.once('close', () => {
    if (!finished) params.onDropped(status);
    chunks = [];
  });
}

/** A write or end after the response was answered in the app's place: nothing is sent, and a callback waiting for it still runs. */
function skipped(args: unknown[]): true {
  const callback = args.find((argument) => typeof argument === 'function') as (() => void) | undefined;
  if (callback) process.nextTick(callback);
  return true;
}
