import 'server-only';

/** 413: over the limit; 400: the client stopped sending half way. */
export type BodyRefused = { ok: false; status: 400 | 413 };
export type BoundedBody = { ok: true; bytes: Buffer } | BodyRefused;

/**
 * A request body of at most `limit` bytes, or a refusal without reading the rest.
 * `request.text()`, `.json()` and `.formData()` buffer the whole body before anyone can look
 * at its size, so an 800 MB POST costs the server 800 MB. Here a declared Content-Length
 * over the limit is refused before a byte is read, and a body that lies about its length
 * (or is chunked) is counted as it streams and cancelled the moment it passes the limit.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<BoundedBody> {
  const declared = request.headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > limit) return { ok: false, status: 413 };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // Stop reading: whatever the client still sends is discarded by the server, never kept.
        await reader.cancel().catch(() => {});
        return { ok: false, status: 413 };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400 };
  } finally {
    reader.releaseLock();
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** The body as UTF-8 text, bounded as above. */
export async function readBoundedText(request: Request, limit: number): Promise<{ ok: true; text: string } | BodyRefused> {
  const body = await readBoundedBody(request, limit);
  return body.ok ? { ok: true, text: body.bytes.toString('utf8') } : body;
}
