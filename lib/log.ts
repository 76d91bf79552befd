import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOG_LEVELS, logging, network, type LogLevel } from '@/lib/config';

/**
 * Structured logs: one JSON object per line on stdout, for an operator's log collector.
 * Every request gets an id, sent back in X-Request-Id and written on its request line and
 * on any error logged while it ran, so one failure can be followed through the logs.
 */

const REQUEST_ID_HEADER = 'x-request-id';
/** An id a trusted proxy in front already gave the request (nginx's $request_id is 32 hex digits). */
const FORWARDED_ID = /^[\w.:-]{8,128}$/;

type Fields = Record<string, unknown>;

function enabled(level: LogLevel): boolean {
  const threshold = logging.level();
  return threshold !== 'silent' && LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/*
 * Lines are collected and written once per turn of the event loop: under load that is one
 * write for many requests rather than a system call each. A crash loses at most the lines
 * of its last turn; 'exit' writes what is left.
 */
let pending: string[] = [];
let scheduled = false;
function flush() {
  scheduled = false;
  if (pending.length === 0) return;
  const text = pending.join('');
  pending = [];
  process.stdout.write(text);
}

export function writeLogLine(level: LogLevel, message: string, fields: Fields = {}) {
  if (!enabled(level)) return;
  pending.push(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
}

/** An error as fields of a log line: its message, code, stack, and the cause it wraps. */
export function errorFields(error: unknown, { stack = true } = {}): Fields {
  if (!(error instanceof Error)) return { error: String(error) };
  const { code, digest } = error as Error & { code?: unknown; digest?: unknown };
  return {
    error: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(digest !== undefined ? { digest } : {}),
    ...(stack ? { stack: error.stack } : {}),
    ...(error.cause !== undefined ? { cause: errorFields(error.cause, { stack }) } : {}),
  };
}

/** Logs a failure with the request it happened in. */
export function logError(message: string, error: unknown, requestId?: string | null) {
  writeLogLine('error', message, { requestId: requestId ?? undefined, ...errorFields(error) });
}

/** The request id from a request's headers (pages, actions and route handlers see it). */
export function requestIdFrom(headers: { get(name: string): string | null }): string | null {
  return headers.get(REQUEST_ID_HEADER);
}

type RequestStart = { request: IncomingMessage; response: ServerResponse };
const started = new WeakMap<ServerResponse, { id: string; at: number; method?: string; path: string; action: boolean }>();

/**
 * Gives every HTTP request the server receives an id and writes one line when its response
 * ends. Node announces both on diagnostics channels, so this works under `next start`
 * without a custom server, and costs nothing when no one subscribes.
 */
export function logRequests() {
  const shared = globalThis as unknown as { mastheadRequestLog?: boolean };
  if (shared.mastheadRequestLog) return;
  shared.mastheadRequestLog = true;
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as RequestStart;
    const forwarded = request.headers[REQUEST_ID_HEADER];
    const id = network.trustedProxyHops > 0 && typeof forwarded === 'string' && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    // Next copies these headers into every page, action and route handler of the request.
    request.headers[REQUEST_ID_HEADER] = id;
    response.setHeader('X-Request-Id', id);
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    started.set(response, {
      id,
      at: performance.now(),
      method: request.method,
      // The path only: a query string can carry what a person searched for.
      path: query === -1 ? url : url.slice(0, query),
      action: request.headers['next-action'] !== undefined,
    });
  });
  subscribe('http.server.response.finish', (message) => {
    const { response } = message as RequestStart;
    const request = started.get(response);
    if (!request) return;
    const status = response.statusCode;
    writeLogLine(status >= 500 ? 'error' : 'info', 'request', {
      requestId: request.id,
      method: request.method,
      route: request.path,
      ...(request.action ? { action: true } : {}),
      status,
      durationMs: Math.round((performance.now() - request.at) * 10) / 10,
    });
  });
}
