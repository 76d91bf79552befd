import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { ClientMessage, ServerMessage } from '@/lib/collab/messages';

const FLUSH_TIMEOUT_MS = 10_000;

export type FlushResult = { version: number; revisionId: number } | null;

/**
 * Before a workflow step the page asks the collaboration server to save the working copy
 * now (`flush`) and waits for its answer (`flushed`), which says which version that is;
 * null when it is not ready, fails or does not answer within FLUSH_TIMEOUT_MS.
 */
export function createFlushRequests() {
  const waiting = new Map<string, (result: FlushResult) => void>();
  return {
    async ask(isReady: () => boolean, providerOf: () => HocuspocusProvider | null): Promise<FlushResult> {
      // A click right after the page opened waits for the connection (within the same limit).
      const deadline = Date.now() + FLUSH_TIMEOUT_MS;
      while (!isReady() && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
      const provider = providerOf();
      if (!isReady() || !provider) return null;
      const requestId = Math.random().toString(36).slice(2);
      const message: ClientMessage = { type: 'flush', requestId };
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          resolve(null);
        }, FLUSH_TIMEOUT_MS);
        waiting.set(requestId, (result) => {
          clearTimeout(timer);
          resolve(result);
        });
        provider.sendStateless(JSON.stringify(message));
      });
    },

    answer(message: Extract<ServerMessage, { type: 'flushed' }>): void {
      waiting.get(message.requestId)?.(message.ok ? { version: message.version, revisionId: message.revisionId } : null);
      waiting.delete(message.requestId);
    },
  };
}
