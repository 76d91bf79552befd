import { describe, expect, it } from 'vitest';
import { PageCacheStore, type PageCacheStoreOptions, type StoredPage } from './page-cache-store';

function storeWithClock(options: Partial<PageCacheStoreOptions> = {}) {
  const clock = { now: 0 };
  const store = new PageCacheStore({ ttlMs: 1_000, staleMs: 5_000, claimMs: 2_000, maxBytes: 1_000_000, maxEntryBytes: 100_000, now: () => clock.now, ...options });
  return { store, clock };
}

const page = (text: string, bytes = 0): StoredPage => ({ headers: [['content-type', 'text/html']], body: Buffer.from(text + ' '.repeat(bytes)) });
const bodyOf = (lookup: ReturnType<PageCacheStore['lookup']>) => (lookup.kind === 'miss' ? null : lookup.page.body.toString().trim());

describe('page cache store', () => {
  it('answers a stored page until its time is up, then lets one request refresh it', () => {
    const { store, clock } = storeWithClock();
    expect(store.lookup('/a')).toEqual({ kind: 'miss', claim: null });
    expect(store.store('/a', page('first'), store.generation)).toBe(true);
    clock.now = 999;
    expect(store.lookup('/a')).toMatchObject({ kind: 'hit', ageMs: 999 });
    clock.now = 1_000;
    const refresh = store.lookup('/a');
    expect(refresh).toMatchObject({ kind: 'miss', claim: { since: 1_000 } });
    expect(store.store('/a', page('second'), store.generation)).toBe(true);
    expect(bodyOf(store.lookup('/a'))).toBe('second');
    expect(store.lookup('/a').kind).toBe('hit');
  });

  it('while one request refreshes a page, every other gets the previous copy', () => {
    const { store, clock } = storeWithClock();
    store.store('/a', page('old'), store.generation);
    clock.now = 1_500;
    const kinds = Array.from({ length: 32 }, () => store.lookup('/a').kind);
    expect(kinds.filter((kind) => kind === 'miss')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'stale')).toHaveLength(31);
    expect(kinds[0]).toBe('miss');
  });

  it('a refresh that stored nothing lets the next request try, as does one slower than the claim time', () => {
    const { store, clock } = storeWithClock();
    store.store('/a', page('old'), store.generation);
    clock.now = 1_500;
    const first = store.lookup('/a');
    if (first.kind !== 'miss' || !first.claim) throw new Error('expected a claim');
    store.release('/a', first.claim);
    const second = store.lookup('/a');
    expect(second.kind).toBe('miss');
    expect(store.lookup('/a').kind).toBe('stale');
    clock.now = 1_500 + 2_000;
    expect(store.lookup('/a').kind).toBe('miss');
    expect(store.lookup('/a').kind).toBe('stale');
  });

  it('serves a stale copy for a few seconds at most', () => {
    const { store, clock } = storeWithClock();
    store.store('/a', page('old'), store.generation);
    clock.now = 1_000 + 5_000;
    expect(store.lookup('/a')).toEqual({ kind: 'miss', claim: null });
    expect(store.lookup('/a')).toEqual({ kind: 'miss', claim: null });
    expect(store.size).toBe(0);
  });

  it('forgets every page on an expiry, stale ones too, and refuses responses to requests that began before it', () => {
    const { store, clock } = storeWithClock();
    store.store('/fresh', page('fresh'), store.generation);
    store.store('/old', page('old'), store.generation);
    clock.now = 1_200;
    store.store('/fresh', page('fresh'), store.generation);
    const startedBefore = store.generation;
    store.expireAll();
    expect(store.lookup('/fresh')).toEqual({ kind: 'miss', claim: null });
    expect(store.lookup('/old')).toEqual({ kind: 'miss', claim: null });
    expect(store.bytes).toBe(0);
    expect(store.store('/fresh', page('rendered from data read before the change'), startedBefore)).toBe(false);
    expect(store.lookup('/fresh').kind).toBe('miss');
    expect(store.store('/fresh', page('new'), store.generation)).toBe(true);
    expect(bodyOf(store.lookup('/fresh'))).toBe('new');
  });

  it('is bounded by bytes, pushing out the least recently used pages first', () => {
    const { store } = storeWithClock({ maxBytes: 10_000, maxEntryBytes: 5_000 });
    for (const key of ['/1', '/2', '/3']) expect(store.store(key, page(key, 2_500), store.generation)).toBe(true);
    expect(store.lookup('/1').kind).toBe('hit'); // now the most recently used
    store.store('/4', page('/4', 2_500), store.generation);
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.lookup('/2').kind).toBe('miss');
    expect(store.lookup('/1').kind).toBe('hit');
    expect(store.lookup('/4').kind).toBe('hit');
    for (let n = 0; n < 1_000; n += 1) store.store(`/?made-up=${n}`, page('x', 500), store.generation);
    expect(store.bytes).toBeLessThanOrEqual(10_000);
    expect(store.size).toBeLessThan(20);
    expect(store.store('/huge', page('huge', 6_000), store.generation)).toBe(false);
  });
});
