import 'server-only';
import { sql } from 'drizzle-orm';
import { db, replicaDb } from '@/db/client';

/** The longest a change waits for the replica before its caches are expired anyway. */
export const REPLICA_WAIT_MS = 2_000;

/**
 * With a read replica, a cache expired the moment the primary commits could be filled
 * again at once from a replica that has not replayed the change yet, and would then keep
 * the old page (a withdrawn story, even) until the next change. So expiry first waits
 * until the replica has replayed everything the primary had written by now: usually a few
 * milliseconds. A replica further behind than REPLICA_WAIT_MS is logged and not waited for.
 */
export async function waitForReplica(): Promise<void> {
  const replica = replicaDb();
  if (!replica) return;
  try {
    const [{ lsn }] = (await db.execute<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`)) as unknown as [{ lsn: string }];
    const deadline = Date.now() + REPLICA_WAIT_MS;
    for (;;) {
      // Null on a server that is not replaying (a URL pointing at the primary): nothing to wait for.
      const [{ replayed }] = (await replica.execute<{ replayed: boolean }>(
        sql`select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, true) as replayed`,
      )) as unknown as [{ replayed: boolean }];
      if (replayed) return;
      if (Date.now() > deadline) {
        console.error(`The read replica is more than ${REPLICA_WAIT_MS} ms behind the primary; caches are expired without waiting for it`);
        return;
      }
      await new Promise((done) => setTimeout(done, 5));
    }
  } catch (error) {
    console.error('Could not ask the read replica how far it has replayed', error);
  }
}
