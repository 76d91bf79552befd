import 'server-only';
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external';

/**
 * Marks cache tags expired in this process's cache, as `revalidateTag(tag, { expire: 0 })`
 * does, but without needing a request: the scheduler and the cross-instance listener run
 * outside any. Next's default "use cache" handler and its page cache both read this one
 * manifest (a module Next keeps external to every bundle, so there is one per process).
 */
export function expireTagsInThisProcess(tags: string[]): void {
  const now = Math.round(performance.timeOrigin + performance.now());
  for (const tag of tags) tagsManifest.set(tag, { ...tagsManifest.get(tag), expired: now });
}

/** After an expiry, when the tags are marked expired again (ms). */
export const RE_EXPIRE_AFTER_MS = [400, 2_000];

/**
 * A page already being re-rendered in the background when its tags expire (a reader got
 * the stale copy a moment before) read its data before the expiry but is stored after it,
 * so Next takes it for fresh and serves the old page until its own revalidation, minutes
 * later (seen in `npm run cluster:check`: a published story never appeared on the second
 * instance's home page). Marking the tags expired again shortly after catches such pages;
 * each costs one more render per expired page.
 */
export function expireAgainAfterInFlightRenders(tags: string[]): void {
  for (const ms of RE_EXPIRE_AFTER_MS) setTimeout(() => expireTagsInThisProcess(tags), ms).unref();
}
