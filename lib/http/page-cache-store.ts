import 'server-only';

/** A response as the page cache keeps it: headers without the per-request ones, and the body as sent (compressed or not). */
export type StoredPage = { headers: [string, string | string[]][]; body: Buffer };

/**
 * How a render let through by a claim ended, for the requests that waited on it: `stored`
 * (a copy is there) or `expired` (it would have been, but an expiry came first): look again;
 * `failed` (5xx): answer from the last good copy if any; `unkept` (not a page for everyone,
 * too large, cut short): render for yourself.
 */
export type Outcome = 'stored' | 'expired' | 'failed' | 'unkept';

/** The one request let through to render a page; the others get the stale copy or wait for it meanwhile. */
export type Claim = { readonly since: number; readonly settled: Promise<Outcome>; settle(outcome: Outcome): void };

export type Lookup =
  | { kind: 'hit' | 'stale'; page: StoredPage; ageMs: number }
  | { kind: 'wait'; settled: Promise<Outcome> }
  | { kind: 'miss'; claim: Claim | null };

export type PageCacheStoreOptions = {
  /** How long a copy is served as it is, unless `store` was told otherwise for that copy. */
  ttlMs: number;
  /** How long past that a copy may still be served while one request refreshes it. */
  staleMs: number;
  /** How long past its time a copy is kept for when the app fails to render its page (stale-on-error); at least staleMs. */
  keepMs: number;
  /** A render taking longer than this lets the next request try (the first may hang on a slow database). */
  claimMs: number;
  /** All copies together, headers and keys counted; the least recently used go first. */
  maxBytes: number;
  /** The largest single copy kept. */
  maxEntryBytes: number;
  now?: () => number;
};

type Entry = StoredPage & { storedAt: number; bytes: number; ttlMs: number };

const MISS: Lookup = { kind: 'miss', claim: null };
/** Map and object overhead per entry, roughly. */
const ENTRY_OVERHEAD_BYTES = 256;

function newClaim(since: number): Claim {
  let settle!: (outcome: Outcome) => void;
  const settled = new Promise<Outcome>((resolve) => (settle = resolve));
  return { since, settled, settle };
}

/**
 * Whole responses by key, bounded by bytes (LRU), with stale-while-updating: past its TTL a
 * copy is refreshed by exactly one request while the others are answered from it, so all
 * of a page's readers do not reach the app together each second. A key with no copy to
 * serve is rendered by one request too, the others waiting for it (`wait`), as nginx's
 * `proxy_cache_lock`; a claim older than claimMs no longer holds anyone back.
 *
 * Past the stale time a copy is no longer served as it is, but kept (within the byte
 * bound) until keepMs for `lastGood`: the page to answer when its render fails.
 *
 * `expireAll` (any cache tag expired) forgets every copy at once, stale and kept ones
 * included, and starts a new generation: a response to a request that began in an older
 * generation may hold data from before the change and is not stored.
 */
export class PageCacheStore {
  readonly #entries = new Map<string, Entry>();
  readonly #claims = new Map<string, Claim>();
  readonly #options: Required<PageCacheStoreOptions>;
  #bytes = 0;
  #generation = 0;

  constructor(options: PageCacheStoreOptions) {
    this.#options = { now: () => performance.now(), ...options };
  }

  get generation(): number {
    return this.#generation;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Without `claim` (a HEAD request, which stores nothing) a key no one renders is a plain miss. */
  lookup(key: string, { claim = true } = {}): Lookup {
    const { staleMs, claimMs, now } = this.#options;
    const at = now();
    const entry = this.#live(key, at);
    const ageMs = entry ? at - entry.storedAt : 0;
    const ttlMs = entry?.ttlMs ?? 0;
    if (entry && ageMs < ttlMs) return { kind: 'hit', page: this.#touch(key, entry), ageMs };
    const current = this.#claims.get(key);
    if (current && at - current.since < claimMs) {
      if (entry && ageMs < ttlMs + staleMs) return { kind: 'stale', page: this.#touch(key, entry), ageMs };
      return { kind: 'wait', settled: current.settled };
    }
    if (!claim) return MISS;
    const fresh = newClaim(at);
    this.#claims.set(key, fresh);
    return { kind: 'miss', claim: fresh };
  }

  /** The copy kept for when the page's render fails: one not older than keepMs past its time, never one an expiry forgot. */
  lastGood(key: string): { page: StoredPage; ageMs: number } | null {
    const at = this.#options.now();
    const entry = this.#live(key, at);
    return entry ? { page: entry, ageMs: at - entry.storedAt } : null;
  }

  /** Keeps a response (served as it is for `ttlMs`, by default the store's); false when it started before the latest expiry or is too large. */
  store(key: string, page: StoredPage, startedInGeneration: number, ttlMs = this.#options.ttlMs): boolean {
    if (startedInGeneration !== this.#generation) return false;
    const bytes = ENTRY_OVERHEAD_BYTES + key.length + page.body.length + page.headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
    if (bytes > this.#options.maxEntryBytes) return false;
    const old = this.#entries.get(key);
    if (old) this.#remove(key, old);
    this.#entries.set(key, { ...page, storedAt: this.#options.now(), bytes, ttlMs });
    this.#bytes += bytes;
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#bytes <= this.#options.maxBytes) break;
      this.#remove(oldestKey, oldest);
    }
    return true;
  }

  /** The claimed render is over: the next request may claim, and those waiting hear how it ended. */
  settle(key: string, claim: Claim, outcome: Outcome): void {
    if (this.#claims.get(key) === claim) this.#claims.delete(key);
    claim.settle(outcome);
  }

  expireAll(): void {
    this.#entries.clear();
    this.#bytes = 0;
    // Renders under way began before the change: the next request must not wait for them.
    this.#claims.clear();
    this.#generation += 1;
  }

  /** The entry of a key unless past keepMs (then forgotten). */
  #live(key: string, at: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry || at - entry.storedAt < entry.ttlMs + this.#options.keepMs) return entry;
    this.#remove(key, entry);
    return undefined;
  }

  /** Moves the entry to the most recently used end (a Map keeps insertion order). */
  #touch(key: string, entry: Entry): Entry {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}
