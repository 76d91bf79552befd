import 'server-only';
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external';

type TagState = { expired?: number; stale?: number } | undefined;

/**
 * Calls `listener` whenever Next marks a cache tag expired or stale in its own manifest
 * (one per process, shared by its page cache and "use cache" handler: see
 * lib/cache/expire-in-process.ts).
 *
 * Why this and not only onTagsExpired: `revalidateTag` inside a server action or route
 * handler only queues the tag, and Next applies it when the action is done, sometimes after
 * the response has gone (Next's action-handler.js, `executeRevalidates`). Listeners hear
 * of the change before that, and until then Next still answers from its old copy: a page
 * stored meanwhile would show the old story for a second more (seen in `npm run bench`'s
 * publish-to-visible, 3.2 s against 0.9 s without the page cache). The re-expiries after
 * in-flight renders (`expireAgainAfterInFlightRenders`) arrive here too.
 */
export function onNextTagsExpired(listener: () => void): void {
  const set = tagsManifest.set;
  tagsManifest.set = function setAndTell(this: typeof tagsManifest, tag: string, state: NonNullable<TagState>) {
    const before: TagState = this.get(tag);
    const result = set.call(this, tag, state);
    if (state?.expired !== before?.expired || state?.stale !== before?.stale) listener();
    return result;
  };
}
