/**
 * Readers through the proxy: a fixed number of concurrent readers, each fetching reader
 * pages one after another. A third of the requests carry a unique query string, so they
 * miss nginx's micro-cache and reach an app instance.
 */
export type ReaderLoadResult = {
  requests: number;
  /** Network errors and 5xx answers. */
  failed: number;
  failures: string[];
  reachedApp: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
};

export type ReaderLoad = { done: Promise<ReaderLoadResult>; stop(): void };

export function startReaderLoad(baseUrl: string, paths: string[], concurrency: number): ReaderLoad {
  let running = true;
  let counter = 0;
  const times: number[] = [];
  const result: ReaderLoadResult = { requests: 0, failed: 0, failures: [], reachedApp: 0, statuses: {}, p50Ms: 0, p99Ms: 0 };
  const reader = async () => {
    while (running) {
      const n = counter++;
      const path = paths[n % paths.length]!;
      const url = `${baseUrl}${path}${n % 3 === 0 ? `${path.includes('?') ? '&' : '?'}reader=${n}` : ''}`;
      const started = performance.now();
      try {
        const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) {
          result.failed++;
          result.failures.push(`${new Date().toISOString()} ${response.status} ${url}`);
        }
        if (['MISS', 'BYPASS', 'EXPIRED', null].includes(response.headers.get('x-cache-status'))) result.reachedApp++;
      } catch (error) {
        result.failed++;
        result.failures.push(`${new Date().toISOString()} ${(error as Error).message} ${url}`);
      }
      times.push(performance.now() - started);
      result.requests++;
    }
  };
  const readers = Array.from({ length: concurrency }, reader);
  const done = Promise.all(readers).then(() => {
    times.sort((x, y) => x - y);
    result.p50Ms = times[Math.floor(times.length * 0.5)] ?? 0;
    result.p99Ms = times[Math.floor(times.length * 0.99)] ?? 0;
    return result;
  });
  return { done, stop: () => (running = false) };
}
