import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { db, reconnectDelaySeconds } from '@/db/client';
import { expireAgainAfterInFlightRenders, expireTagsInThisProcess } from './expire-in-process';
import { tellExpiryListeners } from './expiry-listeners';
import { tagMessages } from './tag-messages';

/**
 * Next keeps its caches per process. So that a story published or withdrawn on one app
 * instance disappears from every instance's cache within a second, each change is
 * announced on a PostgreSQL channel that every instance listens to.
 */
const CHANNEL = 'masthead_cache_tags';
const shared = globalThis as unknown as { mastheadInstance?: { id: string; listening?: boolean } };
const instance = (shared.mastheadInstance ??= { id: randomUUID() });

export async function announceExpiredTags(tags: string[]): Promise<void> {
  try {
    for (const message of tagMessages(instance.id, tags)) {
      await db.execute(sql`select pg_notify(${CHANNEL}, ${message})`);
    }
  } catch (error) {
    console.error('Could not announce expired cache tags to other instances', error);
  }
}

/** Started once per process (instrumentation.ts). */
export async function listenForExpiredTags(databaseUrl: string): Promise<void> {
  if (instance.listening) return;
  instance.listening = true;
  const listener = postgres(databaseUrl, { max: 1, onnotice: () => {}, backoff: reconnectDelaySeconds });
  await listener.listen(CHANNEL, (payload) => {
    try {
      const message = JSON.parse(payload) as { from: string; tags: string[] };
      if (message.from === instance.id || !Array.isArray(message.tags)) return;
      const tags = message.tags.map(String);
      expireTagsInThisProcess(tags);
      expireAgainAfterInFlightRenders(tags);
      tellExpiryListeners(tags);
    } catch {
      // A malformed message is ignored; caches still expire on their own schedule.
    }
  });
}
