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
