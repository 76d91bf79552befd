/**
 * Readers through the proxy: a fixed number of concurrent readers, each fetching reader
 * pages one after another. A third of the requests carry a unique query string, so they
 * miss nginx's micro-cache and reach an app instance.
 */
export type ReaderLoadResult = {
  requests: number;
  /** Network errors and 5xx answers, but for those below. */
  failed: number;
  /**
   * Requests cut because the instance answering them was killed (begun before a SIGKILL,
   * failed after it): nginx retries a request on the other instance only while nothing of
   * the answer has reached the reader, so a page being sent when its process dies is lost.
   */
  inFlightAtKill: number;
  failures: string[];
  reachedApp: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
};

export type ReaderLoad = {
  done: Promise<ReaderLoadResult>;
  stop(): void;
  /** Call just before killing an instance: requests under way then may fail without counting as failed. */
  killing(): void;
};

export function startReaderLoad(baseUrl: string, paths: string[], concurrency: number): ReaderLoad {
  let running = true;
  let counter = 0;
  const kills: number[] = [];
  const inFlightAtKill = (started: number, ended: number) => kills.some((killedAt) => started <= killedAt && killedAt <= ended);
  const times: number[] = [];
  const result: ReaderLoadResult = { requests: 0, failed: 0, inFlightAtKill: 0, failures: [], reachedApp: 0, statuses: {}, p50Ms: 0, p99Ms: 0 };
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
        const cut = inFlightAtKill(started, performance.now());
        if (cut) result.inFlightAtKill++;
        else result.failed++;
        result.failures.push(`${new Date().toISOString()} ${(error as Error).message}${cut ? ' (in flight at the SIGKILL)' : ''} ${url}`);
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
  return {
    done,
    stop: () => (running = false),
    killing: () => {
      kills.push(performance.now());
    },
  };
}
