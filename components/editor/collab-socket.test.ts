import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collabSocket } from './collab-socket';

type Listener = (event: unknown) => void;

/** A browser WebSocket to a collaboration server that refuses connections until `up`. */
function fakeServer() {
  const server = { up: false, tries: [] as number[] };
  class FakeWebSocket {
    readyState = 0;
    binaryType = 'blob';
    private listeners = new Map<string, Set<Listener>>();
    constructor() {
      server.tries.push(Date.now());
      setTimeout(() => {
        if (server.up) {
          this.readyState = 1;
          this.emit('open', {});
        } else {
          // As a browser reports a refused connection: an error, then a close (1006).
          this.readyState = 3;
          this.emit('error', {});
          this.emit('close', { code: 1006, reason: '' });
        }
      }, 5);
    }
    addEventListener(name: string, listener: Listener) {
      if (!this.listeners.has(name)) this.listeners.set(name, new Set());
      this.listeners.get(name)!.add(listener);
    }
    removeEventListener(name: string, listener: Listener) {
      this.listeners.get(name)?.delete(listener);
    }
    send() {}
    close() {
      this.readyState = 3;
    }
    private emit(name: string, event: unknown) {
      for (const listener of this.listeners.get(name) ?? []) listener(event);
    }
  }
  return { server, FakeWebSocket };
}

describe("the editor's socket while the collaboration server is down", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it.each([
    ['longest', 0.999_999],
    ['shortest', 0],
  ])('connects within 4 s of the server coming back after 20 s, with the %s random waits', async (_, random) => {
    vi.spyOn(Math, 'random').mockReturnValue(random);
    const { server, FakeWebSocket } = fakeServer();
    const socket = collabSocket('ws://collab.test', FakeWebSocket);
    try {
      await vi.advanceTimersByTimeAsync(20_000);
      expect(socket.status).toBe('disconnected');
      server.up = true;
      const back = Date.now();
      while (socket.status !== 'connected' && Date.now() - back < 60_000) await vi.advanceTimersByTimeAsync(100);
      // Hocuspocus's default (doubling up to 30 s) tried at 0, 1, 3, 7, 15 and 31 s here: 11 s after it was back.
      expect(Date.now() - back).toBeLessThanOrEqual(4_100);
      // …and never more than once a second while it was down.
      const gaps = server.tries.slice(1).map((at, i) => at - server.tries[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    } finally {
      socket.destroy();
    }
  });
});
