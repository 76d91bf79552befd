/**
 * The reader's scroll position across a reload the page makes unasked (an edit, deletion or
 * pin, the end of coverage), so it does not send them back to the top. Kept in
 * sessionStorage for one blog, taken once, and ignored when older than `MAX_AGE_MS` (a
 * reload that never happened must not move a later visit).
 */
type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const MAX_AGE_MS = 30_000;
const keyOf = (articleId: string) => `masthead:live-scroll:${articleId}`;

export function keepScroll(store: Store, articleId: string, y: number, now = Date.now()): void {
  store.setItem(keyOf(articleId), JSON.stringify({ y: Math.max(0, Math.round(y)), at: now }));
}

/** The kept position for this blog, if recent; removes it either way. */
export function takeKeptScroll(store: Store, articleId: string, now = Date.now()): number | null {
  const raw = store.getItem(keyOf(articleId));
  if (raw === null) return null;
  store.removeItem(keyOf(articleId));
  try {
    const { y, at } = JSON.parse(raw) as { y?: unknown; at?: unknown };
    if (typeof y !== 'number' || typeof at !== 'number' || !Number.isFinite(y) || y < 0) return null;
    return now - at >= 0 && now - at <= MAX_AGE_MS ? y : null;
  } catch {
    return null;
  }
}

/** sessionStorage, or null where it is unavailable (private modes, blocked storage). */
export function sessionStore(): Store | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
