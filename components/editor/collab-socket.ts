import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * How long the editor waits between tries to reach the collaboration server: 1 s, then
 * doubling, at most 4 s, each wait drawn at random between 1 s and that ("full jitter"), so
 * the pages of a whole newsroom do not all come back in the same second after a restart.
 * Hocuspocus's default goes on doubling up to 30 s: a page that had tried while the server
 * restarted (a deploy, a crash) then waited up to that long after it was back, showing "Not
 * connected — retrying" over a story nobody could type in yet. A refused try costs nothing
 * worth saving, so a page now reconnects within 4 s of the server's return.
 */
export const RECONNECT = { delay: 1_000, minDelay: 1_000, factor: 2, maxDelay: 4_000, jitter: true } as const;

/** The story editor's socket to the collaboration server (`WebSocketPolyfill`: the browser's WebSocket unless given). */
export function collabSocket(url: string, WebSocketPolyfill?: unknown): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({ url, ...RECONNECT, ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}) });
}
