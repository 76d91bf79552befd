/**
 * A request body made on demand, `total` bytes in `chunk`-sized pieces, that records how
 * much of it was asked for: a server that buffers whole bodies reads all of it, one that
 * stops at its limit reads little and cancels the rest.
 */
export function streamedBody(total: number, chunk = 64 * 1024) {
  const seen = { pulled: 0, cancelled: false };
  const piece = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      const next = piece.subarray(0, Math.min(chunk, total - seen.pulled));
      seen.pulled += next.byteLength;
      controller.enqueue(next);
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, seen };
}

/** A POST whose body streams (chunked: no Content-Length), as a client can send. */
export function streamedPost(url: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: 'POST', body: stream, headers, duplex: 'half' } as RequestInit);
}
