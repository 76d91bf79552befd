import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { flushViews } from '@/lib/analytics/view-counter';
import { listenForExpiredTags } from '@/lib/cache/cross-instance';
import { announceExpiredBanners } from '@/lib/live/breaking-banner';
import { publishDueStories } from '@/lib/workflow/publish-due';

const TICK_MS = 1_000;
const CLEANUP_EVERY_MS = 10 * 60_000;

const shared = globalThis as unknown as { mastheadJobs?: { started: boolean } };

/**
 * Work every app instance does in the background (started from instrumentation.ts):
 * publish scheduled stories when due (checked every second, so a story goes out within
 * about a second of its time), listen for cache expiries from other instances, and tidy up.
 */
export async function startBackgroundJobs(databaseUrl: string): Promise<void> {
  if (shared.mastheadJobs?.started) return;
  shared.mastheadJobs = { started: true };
  await listenForExpiredTags(databaseUrl).catch((error) => console.error('Cache listener failed to start', error));

  let running = false;
  let lastCleanup = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const published = await publishDueStories();
      if (published.length > 0) console.log(`Published ${published.length} scheduled stor${published.length === 1 ? 'y' : 'ies'}.`);
      await announceExpiredBanners();
      if (Date.now() - lastCleanup > CLEANUP_EVERY_MS) {
        lastCleanup = Date.now();
        await db.execute(sql`delete from rate_limits where expire is not null and expire < ${Date.now()}`);
        await db.execute(sql`delete from revoked_sessions where expires_at < now()`);
      }
    } catch (error) {
      console.error('Background job failed', error);
    } finally {
      running = false;
    }
  };
  void tick();
  setInterval(() => void tick(), TICK_MS).unref();
  const flush = () => void flushViews();
  process.once('beforeExit', flush);
  process.once('SIGTERM', flush);
}
