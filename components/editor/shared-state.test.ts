import { describe, expect, it } from 'vitest';
import { sharedStateOf, storeFailureOf, type SaveFacts } from './shared-state';

const connected: SaveFacts = { refused: null, synced: true, browserOnline: true, connection: 'connected', connectFailed: false, appUnanswered: false, storeFailed: null, unsynced: 0, invalid: null, savedAt: '2026-12-01T10:00:00.000Z' };

describe('the save state the editor shows', () => {
  it('says busy after a store the pool could not take, and not answering after one the database did not', () => {
    expect(sharedStateOf({ ...connected, storeFailed: storeFailureOf({ type: 'unsaved', busy: true }), unsynced: 2 })).toEqual({ kind: 'retrying', cause: 'busy' });
    expect(sharedStateOf({ ...connected, storeFailed: storeFailureOf({ type: 'unsaved' }) })).toEqual({ kind: 'retrying', cause: 'database' });
  });

  it('puts a lost connection before a failed store, and unconfirmed edits before the last save', () => {
    expect(sharedStateOf({ ...connected, connection: 'connecting', storeFailed: 'busy' })).toEqual({ kind: 'retrying', cause: 'server' });
    expect(sharedStateOf({ ...connected, unsynced: 1 })).toEqual({ kind: 'saving' });
    expect(sharedStateOf(connected)).toEqual({ kind: 'saved', at: connected.savedAt });
  });

  it('says the server is not answering once a connection attempt failed before the story first opened', () => {
    const opening: SaveFacts = { ...connected, synced: false, connection: 'connecting' };
    expect(sharedStateOf(opening)).toEqual({ kind: 'connecting' });
    expect(sharedStateOf({ ...opening, connectFailed: true })).toEqual({ kind: 'unreachable', server: 'editing' });
    expect(sharedStateOf({ ...opening, connectFailed: true, browserOnline: false })).toEqual({ kind: 'offline' });
    // Once opened, a lost connection is a retried save, as before.
    expect(sharedStateOf({ ...connected, connectFailed: true, connection: 'offline' })).toEqual({ kind: 'retrying', cause: 'server' });
  });

  it('says the newsroom is not answering, not that the story is refused, when the app could not give a token', () => {
    const opening: SaveFacts = { ...connected, synced: false, connection: 'connecting', appUnanswered: true };
    expect(sharedStateOf(opening)).toEqual({ kind: 'unreachable', server: 'newsroom' });
    expect(sharedStateOf({ ...opening, connectFailed: true })).toEqual({ kind: 'unreachable', server: 'newsroom' });
    expect(sharedStateOf({ ...opening, browserOnline: false })).toEqual({ kind: 'offline' });
    // After the story opened: typing goes on, kept in the browser, while reconnecting is retried.
    expect(sharedStateOf({ ...connected, appUnanswered: true, unsynced: 3 })).toEqual({ kind: 'retrying', cause: 'newsroom' });
    // A refusal by the app stays a refusal.
    expect(sharedStateOf({ ...connected, appUnanswered: true, refused: 'You can only open stories you are a byline on.' })).toEqual({
      kind: 'refused',
      message: 'You can only open stories you are a byline on.',
    });
  });
});
