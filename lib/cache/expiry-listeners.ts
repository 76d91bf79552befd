import 'server-only';

type Listener = (tags: readonly string[]) => void;

// On globalThis: the proxy and the app's routes are separate bundles with their own copies
// of this module, but one process, and an expiry in either must reach listeners in both.
const shared = globalThis as unknown as { mastheadExpiryListeners?: Map<string, Listener> };
const listeners = (shared.mastheadExpiryListeners ??= new Map());

/**
 * Runs `listener` whenever cache tags expire in this process, whether the change was made
 * here or announced by another instance. In-memory copies of reader data (the proxy's
 * address snapshot, list bounds) subscribe here, so the cache needs to know nothing of them.
 * One listener per name: a module evaluated again (a dev reload) replaces its old one.
 */
export function onTagsExpired(name: string, listener: Listener): void {
  listeners.set(name, listener);
}

export function tellExpiryListeners(tags: readonly string[]): void {
  for (const listener of listeners.values()) {
    try {
      listener(tags);
    } catch (error) {
      console.error('A cache expiry listener failed', error);
    }
  }
}
