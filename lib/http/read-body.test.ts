import { describe, expect, it } from 'vitest';
import { streamedBody, streamedPost } from '@/test/streamed-body';
import { readBoundedBody } from './read-body';

const MB = 1024 * 1024;

describe('readBoundedBody', () => {
  it('returns a body within the limit whole', async () => {
    const result = await readBoundedBody(new Request('http://x/', { method: 'POST', body: 'hello' }), 5);
    expect(result.ok && result.bytes.toString()).toBe('hello');
  });

  it('refuses a declared length over the limit before reading a byte', async () => {
    const { stream, seen } = streamedBody(50 * MB);
    const request = streamedPost('http://x/', stream, { 'content-length': String(800 * MB) });
    expect(await readBoundedBody(request, 1024)).toEqual({ ok: false, status: 413 });
    expect(seen.pulled).toBe(0);
  });

  it('stops reading a streamed body as soon as it passes the limit, and cancels the rest', async () => {
    const { stream, seen } = streamedBody(50 * MB);
    expect(await readBoundedBody(streamedPost('http://x/', stream), 1024)).toEqual({ ok: false, status: 413 });
    expect(seen.pulled).toBeLessThanOrEqual(2 * 64 * 1024);
    expect(seen.cancelled).toBe(true);
  });

  it('answers 400 when the client stops sending half way', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new Error('connection reset'));
      },
    });
    expect(await readBoundedBody(streamedPost('http://x/', stream), 1024)).toEqual({ ok: false, status: 400 });
  });

  it('ignores a malformed Content-Length and counts the bytes instead', async () => {
    const result = await readBoundedBody(new Request('http://x/', { method: 'POST', body: 'abc', headers: { 'content-length': 'lots' } }), 5);
    expect(result.ok).toBe(true);
  });
});
