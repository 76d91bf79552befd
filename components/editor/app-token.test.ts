import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Server } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ActionResult } from '@/lib/actions/define-action';
import type { CollabTicket } from '@/lib/collab/issue-token';
import { waitUntil } from '@/test/wait-until';
import { appRetryDelay, appTokenSource, ticketOutcomeOf, type TicketOutcome } from './app-token';

const WebSocket: unknown = createRequire(import.meta.url)('ws');
const STORY = '6f1c2a4e-0000-4000-8000-000000000001';
const TOKEN = 'a-good-token';
const granted: ActionResult<CollabTicket> = { ok: true, data: { token: TOKEN, mode: 'edit', user: { name: 'Ann', color: '#000' } } };
const databaseDown: ActionResult<CollabTicket> = { ok: false, code: 'failed', message: 'The database is not answering. Nothing was changed; please try again in a moment.' };
const forbidden: ActionResult<CollabTicket> = { ok: false, code: 'forbidden', message: 'You can only open stories you are a byline on.' };

describe('what the app said when asked for a collaboration token', () => {
  it('tells a refusal (final) from no answer or a failure on its side (worth asking again)', () => {
    expect(ticketOutcomeOf(granted)).toEqual({ kind: 'granted', ticket: granted.data });
    expect(ticketOutcomeOf(forbidden)).toEqual({ kind: 'refused', message: 'You can only open stories you are a byline on.' });
    expect(ticketOutcomeOf({ ok: false, code: 'unauthenticated', message: 'Your session has ended. Sign in again to continue.' })).toEqual({
      kind: 'refused',
      message: 'Your session has ended. Sign in again to continue.',
    });
    expect(ticketOutcomeOf(null)).toEqual({ kind: 'unanswered' });
    expect(ticketOutcomeOf(databaseDown)).toEqual({ kind: 'unanswered' });
  });

  it('waits longer after each unanswered request, up to 30 s, never all editors at once', () => {
    expect(appRetryDelay(0, () => 0)).toBe(500);
    expect(appRetryDelay(0, () => 1)).toBe(1_000);
    expect(appRetryDelay(3, () => 1)).toBe(8_000);
    expect(appRetryDelay(20, () => 1)).toBe(30_000);
    expect(appRetryDelay(20, () => 0)).toBe(15_000);
  });
});

describe('the provider while the app does not answer', () => {
  let server: Server;
  let url = '';
  const providers: HocuspocusProvider[] = [];

  beforeAll(async () => {
    server = new Server({
      quiet: true,
      stopOnSignals: false,
      async onAuthenticate({ token }) {
        if (token !== TOKEN) throw new Error('Invalid or expired token.');
      },
    });
    await new Promise<void>((resolve) => server.httpServer.listen({ port: 0, host: '127.0.0.1' }, () => resolve()));
    url = `ws://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const provider of providers) {
      provider.destroy();
      provider.configuration.websocketProvider.destroy();
    }
    await server.destroy();
  });

  function open(token: () => Promise<string>, authenticationFailed: () => unknown = () => {}) {
    const state = { synced: false, authFailures: 0 };
    const provider = new HocuspocusProvider({
      websocketProvider: new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 50, minDelay: 50 }),
      name: STORY,
      document: new Y.Doc(),
      token,
      onSynced: () => (state.synced = true),
      onAuthenticationFailed: () => {
        state.authFailures += 1;
        authenticationFailed();
      },
    });
    provider.attach();
    providers.push(provider);
    return { provider, state };
  }

  it.each([
    ['throws', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['gives an empty token', () => Promise.resolve('')],
  ])('on its own, does not ask again on that socket when the token function %s (why the source closes it)', async (_, failure) => {
    let asked = 0;
    const { state } = open(async () => {
      asked += 1;
      return asked === 1 ? failure() : TOKEN;
    });
    await waitUntil(() => state.authFailures === 1, 'the failed token');
    await new Promise((wait) => setTimeout(wait, 1_000));
    expect(asked).toBe(1);
    expect(state.synced).toBe(false);
  });

  it('asks the app again, backing off, until it answers, and the story then opens', async () => {
    const answers = [null, databaseDown, null, granted];
    const outcomes: TicketOutcome['kind'][] = [];
    const waits: number[] = [];
    const source = appTokenSource({
      request: async () => {
        const answer = answers.length > 0 ? answers.shift() : granted;
        if (!answer) throw new TypeError('Failed to fetch');
        return answer;
      },
      socket: () => provider.configuration.websocketProvider,
      onOutcome: (outcome) => outcomes.push(outcome.kind),
      retryDelay: (attempt) => {
        waits.push(attempt);
        return 20;
      },
    });
    const { provider, state } = open(source.token, source.authenticationFailed);
    await waitUntil(() => state.synced, 'the story to open');
    source.stop();
    expect(outcomes).toEqual(['unanswered', 'unanswered', 'unanswered', 'granted']);
    expect(waits).toEqual([0, 1, 2]);
  });

  it('does not ask again after a refusal', async () => {
    let asked = 0;
    const source = appTokenSource({
      request: async () => {
        asked += 1;
        return forbidden;
      },
      socket: () => provider.configuration.websocketProvider,
      onOutcome: () => {},
      retryDelay: () => 20,
    });
    const { provider, state } = open(source.token, source.authenticationFailed);
    await waitUntil(() => state.authFailures === 1, 'the refusal');
    await new Promise((wait) => setTimeout(wait, 500));
    source.stop();
    expect(asked).toBe(1);
    expect(state.synced).toBe(false);
  });
});
