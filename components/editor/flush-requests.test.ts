import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage } from '@/lib/collab/messages';
import { createFlushRequests } from './flush-requests';

const providerSending = (sent: ClientMessage[]) => ({ sendStateless: (payload: string) => sent.push(JSON.parse(payload) as ClientMessage) }) as unknown as HocuspocusProvider;

afterEach(() => vi.useRealTimers());

describe('a flush asked of the collaboration server', () => {
  it('resolves with the version the server names in its answer to this request, or null when it says the store failed', async () => {
    const flushes = createFlushRequests();
    const sent: ClientMessage[] = [];
    const provider = providerSending(sent);
    const first = flushes.ask(() => true, () => provider);
    const second = flushes.ask(() => true, () => provider);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    const [a, b] = sent.map((message) => (message.type === 'flush' ? message.requestId : ''));
    expect(a).not.toBe(b);
    flushes.answer({ type: 'flushed', requestId: b!, ok: false, version: 0, revisionId: 0 });
    flushes.answer({ type: 'flushed', requestId: a!, ok: true, version: 7, revisionId: 42 });
    await expect(first).resolves.toEqual({ version: 7, revisionId: 42 });
    await expect(second).resolves.toBeNull();
  });

  it('gives null, sending nothing, when the page never becomes ready, and null when no answer comes in time', async () => {
    vi.useFakeTimers();
    const flushes = createFlushRequests();
    const sent: ClientMessage[] = [];
    const neverReady = flushes.ask(() => false, () => providerSending(sent));
    await vi.advanceTimersByTimeAsync(10_100);
    await expect(neverReady).resolves.toBeNull();
    expect(sent).toEqual([]);

    const unanswered = flushes.ask(() => true, () => providerSending(sent));
    await vi.advanceTimersByTimeAsync(9_900);
    expect(sent).toHaveLength(1);
    let settled = false;
    void unanswered.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(unanswered).resolves.toBeNull();
  });
});
