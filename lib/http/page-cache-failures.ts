import { isDatabaseUnavailable } from '@/db/unavailable';

/**
 * Why a reader page's render failed, for the page cache (page-cache.ts): the requests it let
 * through to the app, by request id, and whether the app reported (instrumentation.ts's
 * onRequestError) that the database was unavailable during their render. That is what lets
 * a 500 become "503, try again in 5 s" without guessing: App Router pages cannot choose
 * their own status once rendering has failed.
 *
 * Next reports a page's error only after it has called writeHead for the error page
 * (measured on the production build: 10–46 ms later, before the response finished), so
 * the page cache holds such a head back a moment for the report (`whenUnavailable`).
 *
 * On globalThis: a production build may hold more than one copy of this module.
 */
export type WatchedRender = { databaseUnavailable: boolean; whenUnavailable: Promise<void>; markUnavailable(): void };

const shared = globalThis as unknown as { mastheadWatchedRenders?: Map<string, WatchedRender> };
const watched = (shared.mastheadWatchedRenders ??= new Map());

/** Starts listening for errors of one request's render; `forgetRender` when its response is over. */
export function watchRender(requestId: string): WatchedRender {
  let markUnavailable!: () => void;
  const whenUnavailable = new Promise<void>((resolve) => (markUnavailable = resolve));
  const render: WatchedRender = {
    databaseUnavailable: false,
    whenUnavailable,
    markUnavailable() {
      render.databaseUnavailable = true;
      markUnavailable();
    },
  };
  watched.set(requestId, render);
  return render;
}

export function forgetRender(requestId: string, render: WatchedRender): void {
  if (watched.get(requestId) === render) watched.delete(requestId);
}

/** Notes an error the app reported for a request. Synchronous, to be called before anything awaited: the page cache may be holding the response for it. */
export function noteRenderError(requestId: unknown, error: unknown): void {
  if (typeof requestId !== 'string') return;
  const render = watched.get(requestId);
  if (render && isDatabaseUnavailable(error)) render.markUnavailable();
}
