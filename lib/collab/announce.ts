import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';

/** The PostgreSQL channel on which the app tells collaboration servers a story changed outside its document. */
export const COLLAB_CHANNEL = 'masthead_collab';

/**
 * Tells every collaboration server that a story's status or working copy changed (a
 * workflow step, a restore): they check their connections' access again, fold a restored
 * working copy into the shared document, and tell everyone in the story to refresh.
 * Called after the change has committed. Best effort: the servers also check every few seconds.
 */
export async function announceStoryChanged(articleId: string): Promise<void> {
  try {
    await db.execute(sql`select pg_notify(${COLLAB_CHANNEL}, ${articleId})`);
  } catch (error) {
    console.error('[collab] could not announce a story change', error);
  }
}
