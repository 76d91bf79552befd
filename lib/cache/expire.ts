import 'server-only';
import { revalidateTag } from 'next/cache';
import { purgeInBackground } from './cdn-purge';
import { announceExpiredTags } from './cross-instance';
import { expireAgainAfterInFlightRenders, expireTagsInThisProcess } from './expire-in-process';
import { waitForReplica } from './replica-catch-up';
import { tellExpiryListeners } from './expiry-listeners';
import { cacheTags } from './tags';

/**
 * Expires cached reader data at once (no stale copy is served afterwards), in this process
 * and every other instance, so a published change shows within a second and a withdrawn
 * story survives in no cache. With CDN_PURGE_URL set, this instance (the one that made the
 * change) also asks the CDN to forget them, in the background. With a read replica, only
 * once the replica has the change (replica-catch-up.ts).
 */
export async function expireTags(...tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  await waitForReplica();
  try {
    for (const tag of unique) revalidateTag(tag, { expire: 0 });
  } catch {
    // Outside a request (the scheduler): Next's API refuses, so expire the tags directly.
    expireTagsInThisProcess(unique);
  }
  expireAgainAfterInFlightRenders(unique);
  tellExpiryListeners(unique);
  purgeInBackground(unique);
  await announceExpiredTags(unique);
}

export async function revalidateAuthors(): Promise<void> {
  await expireTags(cacheTags.authors, cacheTags.publishedLists);
}

/** Everything a change to one story's public state can touch, old slugs included. */
export async function revalidateStory(story: { id: string; slugs: string[] }): Promise<void> {
  await expireTags(
    cacheTags.article(story.id),
    ...story.slugs.map((slug) => cacheTags.slug(slug)),
    cacheTags.publishedLists,
    cacheTags.mostPopular,
    cacheTags.corrections,
  );
}
