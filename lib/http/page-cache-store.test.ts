import { describe, expect, it } from 'vitest';
import { PageCacheStore, type Claim, type PageCacheStoreOptions, type StoredPage } from './page-cache-store';

function storeWithClock(options: Partial<PageCacheStoreOptions> = {}) {
  const clock = { now: 0 };
  const store = new PageCacheStore({ ttlMs: 1_000, staleMs: 5_000, keepMs: 600_000, claimMs: 2_000, maxBytes: 1_000_000, maxEntryBytes: 100_000, now: () => clock.now, ...options });
  return { store, clock };
}

const page = (text: string, bytes = 0): StoredPage => ({ headers: [['content-type', 'text/html']], body: Buffer.from(text + ' '.repeat(bytes)) });
const bodyOf = (lookup: ReturnType<PageCacheStore['lookup']>) => ('page' in lookup ? lookup.page.body.toString().trim() : null);

function claimOf(lookup: ReturnType<PageCacheStore['lookup']>): Claim {
  if (lookup.kind !== 'miss' || !lookup.claim) throw new Error(`expected a claim, got ${lookup.kind}`);
  return lookup.claim;
}

/** Renders a key as the page cache does: claim, store, settle. */
function renderInto(store: PageCacheStore, key: string, text: string) {
  const claim = claimOf(store.lookup(key));
  store.store(key, page(text), store.generation);
  store.settle(key, claim, 'stored');
}

describe('page cache store', () => {
  it('serves a copy stored with a time of its own for that long, and others for the default', () => {
    const { store, clock } = storeWithClock();
    renderInto(store, '/a', 'default');
    const claim = claimOf(store.lookup('/story'));
    expect(store.store('/story', page('story'), store.generation, 30_000)).toBe(true);
    store.settle('/story', claim, 'stored');
    clock.now = 1_000;
    expect(store.lookup('/a', { claim: false }).kind).toBe('miss');
    clock.now = 29_999;
    expect(store.lookup('/story')).toMatchObject({ kind: 'hit', ageMs: 29_999 });
    clock.now = 30_000;
    const refresh = claimOf(store.lookup('/story'));
    store.store('/story', page('again'), store.generation, 30_000);
    store.settle('/story', refresh, 'stored');
    expect(bodyOf(store.lookup('/story'))).toBe('again');
    // Within its time, any expiry still forgets it.
    store.expireAll();
    expect(store.lookup('/story', { claim: false }).kind).toBe('miss');
  });

  it('answers a stored page until its time is up, then lets one request refresh it', () => {
    const { store, clock } = storeWithClock();
    const first = claimOf(store.lookup('/a'));
    expect(store.store('/a', page('first'), store.generation)).toBe(true);
    store.settle('/a', first, 'stored');
    clock.now = 999;
    expect(store.lookup('/a')).toMatchObject({ kind: 'hit', ageMs: 999 });
    clock.now = 1_000;
    const refresh = store.lookup('/a');
    expect(refresh).toMatchObject({ kind: 'miss', claim: { since: 1_000 } });
    expect(store.store('/a', page('second'), store.generation)).toBe(true);
    store.settle('/a', claimOf(refresh), 'stored');
    expect(bodyOf(store.lookup('/a'))).toBe('second');
    expect(store.lookup('/a').kind).toBe('hit');
  });

  it('while one request refreshes a page, every other gets the previous copy', () => {
    const { store, clock } = storeWithClock();
    renderInto(store, '/a', 'old');
    clock.now = 1_500;
    const kinds = Array.from({ length: 32 }, () => store.lookup('/a').kind);
    expect(kinds.filter((kind) => kind === 'miss')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'stale')).toHaveLength(31);
    expect(kinds[0]).toBe('miss');
  });

  it('a refresh that stored nothing lets the next request try, as does one slower than the claim time', () => {
    const { store, clock } = storeWithClock();
    renderInto(store, '/a', 'old');
    clock.now = 1_500;
    store.settle('/a', claimOf(store.lookup('/a')), 'unkept');
    const second = store.lookup('/a');
    expect(second.kind).toBe('miss');
    expect(store.lookup('/a').kind).toBe('stale');
    clock.now = 1_500 + 2_000;
    expect(store.lookup('/a').kind).toBe('miss');
    expect(store.lookup('/a').kind).toBe('stale');
  });

  it('a page no one has a copy of is rendered by one request while the others wait for it', async () => {
    const { store } = storeWithClock();
    const claim = claimOf(store.lookup('/new'));
    const waits = Array.from({ length: 31 }, () => store.lookup('/new'));
    expect(waits.map((lookup) => lookup.kind)).toEqual(Array(31).fill('wait'));
    store.store('/new', page('rendered once'), store.generation);
    store.settle('/new', claim, 'stored');
    const told = await Promise.all(waits.map((lookup) => (lookup.kind === 'wait' ? lookup.settled : null)));
    expect(told).toEqual(Array(31).fill('stored'));
    expect(bodyOf(store.lookup('/new'))).toBe('rendered once');
  });

  it('no one waits longer than the claim time for a render, nor for one that failed', () => {
    const { store, clock } = storeWithClock();
    const hung = claimOf(store.lookup('/slow'));
    clock.now = 1_999;
    expect(store.lookup('/slow').kind).toBe('wait');
    clock.now = 2_000;
    const next = claimOf(store.lookup('/slow'));
    expect(next).not.toBe(hung);
    store.settle('/slow', hung, 'failed'); // the first one ends late: the newer claim still holds
    expect(store.lookup('/slow').kind).toBe('wait');
    store.settle('/slow', next, 'failed');
    expect(store.lookup('/slow').kind).toBe('miss');
  });

  it('serves a stale copy for a few seconds at most, and keeps it for a failed render until keepMs', () => {
    const { store, clock } = storeWithClock();
    renderInto(store, '/a', 'old');
    clock.now = 1_000 + 5_000;
    const refresh = store.lookup('/a');
    expect(refresh.kind).toBe('miss');
    expect(store.lookup('/a').kind).toBe('wait'); // past the stale time: not served as it is
    expect(store.lastGood('/a')).toMatchObject({ ageMs: 6_000 });
    expect(store.lastGood('/a')?.page.body.toString().trim()).toBe('old');
    store.settle('/a', claimOf(refresh), 'failed');
    clock.now = 1_000 + 600_000 - 1;
    expect(store.lastGood('/a')).not.toBeNull();
    clock.now = 1_000 + 600_000;
    expect(store.lastGood('/a')).toBeNull();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('forgets every page on an expiry, stale and kept ones too, and refuses responses to requests that began before it', () => {
    const { store, clock } = storeWithClock();
    renderInto(store, '/fresh', 'fresh');
    renderInto(store, '/old', 'old');
    clock.now = 1_200;
    const refresh = claimOf(store.lookup('/fresh'));
    store.store('/fresh', page('fresh'), store.generation);
    store.settle('/fresh', refresh, 'stored');
    clock.now = 30_000;
    const startedBefore = store.generation;
    const inFlight = claimOf(store.lookup('/old'));
    store.expireAll();
    expect(store.lastGood('/old')).toBeNull();
    expect(store.lastGood('/fresh')).toBeNull();
    expect(store.bytes).toBe(0);
    // A render begun before the change holds no one back after it.
    const afresh = claimOf(store.lookup('/old'));
    expect(afresh).not.toBe(inFlight);
    expect(store.store('/fresh', page('rendered from data read before the change'), startedBefore)).toBe(false);
    expect(claimOf(store.lookup('/fresh'))).toBeDefined();
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
    expect(store.lastGood('/1')).toBeNull(); // kept copies are inside the same bound
    expect(store.store('/huge', page('huge', 6_000), store.generation)).toBe(false);
  });

  it('a HEAD request claims nothing', () => {
    const { store } = storeWithClock();
    expect(store.lookup('/a', { claim: false })).toEqual({ kind: 'miss', claim: null });
    expect(store.lookup('/a').kind).toBe('miss');
    expect(store.lookup('/a', { claim: false }).kind).toBe('wait');
  });
});
