import { beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '@/test/factories';
import { signInAs } from '@/test/session';
import { streamedBody, streamedPost } from '@/test/streamed-body';
import { POST } from './route';

const MB = 1024 * 1024;
const upload = (headers: Record<string, string>, body: BodyInit = 'x') =>
  POST(new Request('http://localhost/api/media', { method: 'POST', body, headers: { 'x-filename': 'a.jpg', ...headers } }));

describe('the upload route', () => {
  beforeEach(async () => {
    await signInAs((await createUser({ role: 'reporter' })).id);
  });

  it.each(['null', 'https://evil.example', '::::', 'http://', 'localhost'])('refuses Origin: %s with 403, never 500', async (origin) => {
    const response = await upload({ origin });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/must come from the newsroom/);
  });

  it.each<Record<string, string>>([{ 'x-forwarded-proto': 'gopher' }, { 'x-forwarded-host': 'bad host/../x' }])('refuses malformed forwarding headers %o with 400', async (headers) => {
    expect((await upload(headers)).status).toBe(400);
  });

  it('accepts its own origin (and then judges the file)', async () => {
    const response = await upload({ origin: 'http://localhost' }, 'not a picture');
    expect(response.status).toBe(415);
  });

  it('stops reading a streamed file as soon as it passes MEDIA_MAX_BYTES', async () => {
    process.env.MEDIA_MAX_BYTES = String(1 * MB);
    try {
      const { stream, seen } = streamedBody(200 * MB);
      const response = await POST(streamedPost('http://localhost/api/media', stream, { 'x-filename': 'big.jpg' }));
      expect(response.status).toBe(413);
      expect(seen.pulled).toBeLessThan(2 * MB);
      expect(seen.cancelled).toBe(true);
    } finally {
      delete process.env.MEDIA_MAX_BYTES;
    }
  });
});
