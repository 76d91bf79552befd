import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { logError, logRequests, requestIdFrom } from './log';

/** What the logger wrote to stdout while `work` ran, one parsed object per line. */
async function captureLines(work: () => Promise<void>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await work();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    spy.mockRestore();
  }
  return written.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('request logs', () => {
  it('writes one JSON line per request with the id sent back in X-Request-Id, and errors carry the same id', async () => {
    logRequests();
    const server = createServer((request, response) => {
      if (request.url?.startsWith('/fails')) {
        logError('Page failed', new Error('the database went away'), requestIdFrom({ get: (name) => String(request.headers[name]) }));
        response.statusCode = 503;
      }
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ids: string[] = [];
    try {
      const lines = await captureLines(async () => {
        for (const path of ['/articles/a-story?utm=secret', '/fails?q=private']) {
          const response = await fetch(base + path, { headers: { 'x-request-id': 'forged-by-client' } });
          await response.text();
          ids.push(response.headers.get('x-request-id')!);
        }
      });
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(ids[0]).not.toBe(ids[1]);
      const requests = lines.filter((line) => line.msg === 'request');
      expect(requests).toEqual([
        expect.objectContaining({ level: 'info', requestId: ids[0], method: 'GET', route: '/articles/a-story', status: 200, durationMs: expect.any(Number) }),
        expect.objectContaining({ level: 'error', requestId: ids[1], route: '/fails', status: 503 }),
      ]);
      const failure = lines.find((line) => line.msg === 'Page failed');
      expect(failure).toMatchObject({ level: 'error', requestId: ids[1], error: 'the database went away' });
      expect(JSON.stringify(lines)).not.toContain('private');
    } finally {
      server.close();
    }
  });
});
