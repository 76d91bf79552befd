import { describe, expect, it } from 'vitest';
import { streamedBody, streamedPost } from '@/test/streamed-body';
import { POST } from './route';

const MB = 1024 * 1024;

describe('the view beacon', () => {
  it('refuses a huge streamed body with 413 after reading only the first piece', async () => {
    const { stream, seen } = streamedBody(100 * MB);
    const response = await POST(streamedPost('http://localhost/api/views', stream, { 'user-agent': 'Mozilla/5.0' }));
    expect(response.status).toBe(413);
    expect(seen.pulled).toBeLessThan(256 * 1024);
    expect(seen.cancelled).toBe(true);
  });

  it('refuses a body that declares a huge length without reading it', async () => {
    const { stream, seen } = streamedBody(10 * MB);
    const response = await POST(streamedPost('http://localhost/api/views', stream, { 'content-length': String(800 * MB) }));
    expect(response.status).toBe(413);
    expect(seen.pulled).toBe(0);
  });

  it('still answers a malformed small report with 400', async () => {
    const response = await POST(new Request('http://localhost/api/views', { method: 'POST', body: '{"id":"nope"}', headers: { 'user-agent': 'Mozilla/5.0' } }));
    expect(response.status).toBe(400);
  });
});
