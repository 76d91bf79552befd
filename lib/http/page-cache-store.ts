import 'server-only';

/** A response as the page cache keeps it: headers without the per-request ones, and the body as sent (compressed or not). */
export type StoredPage = { headers: [string, string | string[]][]; body: Buffer };

/** The one request let through to refresh an entry past its time; the others get the stale copy meanwhile. */
export type Claim = { since: number };

export type Lookup = { kind: 'hit' | 'stale'; page: StoredPage; ageMs: number } | { kind: 'miss'; claim: Claim | null };

export type PageCacheStoreOptions = {
  /** How long a copy is served as it is. */
  ttlMs: number;
  /** How long past that a copy may still be served while one request refreshes it. */
  staleMs: number;
  /** A refresh taking longer than this lets the next request try (the first may hang on a slow database). */
  claimMs: number;
  /** All copies together, headers and keys counted; the least recently used go first. */
  maxBytes: number;
  /** The largest single copy kept. */
  maxEntryBytes: number;
  now?: () => number;
};

type Entry = StoredPage & { storedAt: number; bytes: number; refresh: Claim | null };

const MISS: Lookup = { kind: 'miss', claim: null };
/** Map and object overhead per entry, roughly. */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * Whole responses by key, bounded by bytes (LRU), with stale-while-updating: past its TTL a
 * copy is refreshed by exactly one request while the others are answered from it, so all
 * of a page's readers do not reach the app together each second.
 *
 * `expireAll` (any cache tag expired) forgets every copy at once, stale ones included, and
 * starts a new generation: a response to a request that began in an older generation may
 * hold data from before the change and is not stored.
 */
export class PageCacheStore {
  readonly #entries = new Map<string, Entry>();
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

  lookup(key: string): Lookup {
    const entry = this.#entries.get(key);
    if (!entry) return MISS;
    const { ttlMs, staleMs, claimMs, now } = this.#options;
    const at = now();
    const ageMs = at - entry.storedAt;
    if (ageMs < ttlMs) return { kind: 'hit', page: this.#touch(key, entry), ageMs };
    if (ageMs >= ttlMs + staleMs) {
      this.#remove(key, entry);
      return MISS;
    }
    if (entry.refresh && at - entry.refresh.since < claimMs) return { kind: 'stale', page: this.#touch(key, entry), ageMs };
    const claim: Claim = { since: at };
    entry.refresh = claim;
    return { kind: 'miss', claim };
  }

  /** Keeps a response; false when it started before the latest expiry or is too large. */
  store(key: string, page: StoredPage, startedInGeneration: number): boolean {
    if (startedInGeneration !== this.#generation) return false;
    const bytes = ENTRY_OVERHEAD_BYTES + key.length + page.body.length + page.headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
    if (bytes > this.#options.maxEntryBytes) return false;
    const old = this.#entries.get(key);
    if (old) this.#remove(key, old);
    this.#entries.set(key, { ...page, storedAt: this.#options.now(), bytes, refresh: null });
    this.#bytes += bytes;
    for (const [oldestKey, oldest] of this.#entries) {
      if (this.#bytes <= this.#options.maxBytes) break;
      this.#remove(oldestKey, oldest);
    }
    return true;
  }

  /** A refresh that stored nothing (an error, an aborted response): the next request may try. */
  release(key: string, claim: Claim): void {
    const entry = this.#entries.get(key);
    if (entry?.refresh === claim) entry.refresh = null;
  }

  expireAll(): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#generation += 1;
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
