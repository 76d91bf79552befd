import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stampPresence, touchesOthersPresence, type PresenceUser } from './presence-identity';

/** A browser's presence as it would send it: its own awareness, encoded. */
function presenceOf(state: Record<string, unknown>) {
  const browser = new Awareness(new Y.Doc());
  browser.setLocalState(state);
  return { clientId: browser.clientID, update: encodeAwarenessUpdate(browser, [browser.clientID]) };
}

describe('stamped presence', () => {
  const ana: PresenceUser = { name: 'Ana Reporter', color: '#1d4ed8' };

  it('replaces the name a browser claims with its connection’s, before anyone is told', () => {
    const server = new Awareness(new Y.Doc());
    stampPresence(server, (origin) => (origin === 'ana-socket' ? ana : null));
    const relayed: Record<string, unknown>[] = [];
    server.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const id of [...added, ...updated]) relayed.push(server.states.get(id)!);
    });
    const forged = presenceOf({ user: { name: 'The Editor-in-Chief', color: '#000000', admin: true }, cursor: { anchor: 1 } });
    applyAwarenessUpdate(server, forged.update, 'ana-socket');
    expect(server.states.get(forged.clientId)).toEqual({ user: ana, cursor: { anchor: 1 } });
    expect(relayed).toEqual([{ user: ana, cursor: { anchor: 1 } }]);

    const none = presenceOf({ cursor: null });
    applyAwarenessUpdate(server, none.update, 'ana-socket');
    expect(server.states.get(none.clientId)).toEqual({ cursor: null, user: ana });
  });

  it('leaves states that came from elsewhere (another server, through Redis) as they are', () => {
    const server = new Awareness(new Y.Doc());
    stampPresence(server, (origin) => (origin === 'ana-socket' ? ana : null));
    const remote = presenceOf({ user: { name: 'Ben Editor', color: '#047857' } });
    applyAwarenessUpdate(server, remote.update, 'redis');
    expect(server.states.get(remote.clientId)).toEqual({ user: { name: 'Ben Editor', color: '#047857' } });
  });
});

describe('another person’s presence', () => {
  /** The server's awareness holding Ben's page's presence at clock 3. */
  function serverWithBen() {
    const server = new Awareness(new Y.Doc());
    const ben = new Awareness(new Y.Doc());
    for (let i = 0; i < 3; i++) ben.setLocalState({ cursor: i });
    applyAwarenessUpdate(server, encodeAwarenessUpdate(ben, [ben.clientID]), 'ben-socket');
    return { server, benClient: ben.clientID, others: [{ clients: new Set([ben.clientID]), userId: 'ben' }] };
  }

  it('may not be set or cleared by anyone else’s page', () => {
    const { server, benClient, others } = serverWithBen();
    const clock = server.meta.get(benClient)!.clock;
    expect(touchesOthersPresence(server, [{ clientId: benClient, clock: clock + 1, removed: false }], 'ana', others)).toBe(true);
    expect(touchesOthersPresence(server, [{ clientId: benClient, clock, removed: true }], 'ana', others)).toBe(true);
  });

  it('passes in an echo (no newer than what the server holds), and from Ben’s own other tab', () => {
    const { server, benClient, others } = serverWithBen();
    const clock = server.meta.get(benClient)!.clock;
    expect(touchesOthersPresence(server, [{ clientId: benClient, clock, removed: false }], 'ana', others)).toBe(false);
    expect(touchesOthersPresence(server, [{ clientId: benClient, clock: clock - 1, removed: false }], 'ana', others)).toBe(false);
    expect(touchesOthersPresence(server, [{ clientId: benClient, clock: clock + 1, removed: false }], 'ben', others)).toBe(false);
  });
});
