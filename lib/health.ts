import 'server-only';
import { connection } from 'next/server';
import { db, type Executor } from '@/db/client';
import { countPendingMigrations } from '@/db/migrate';

export type Health = {
  ok: boolean;
  database: 'up' | 'down';
  pendingMigrations: number | null;
  /** What an operator should know when not ok. */
  message?: string;
};

/**
 * A load balancer polls this every few seconds and must get its answer quickly: a database
 * that does not answer within a second is down, whatever it is doing.
 */
export const HEALTH_TIMEOUT_MS = 1_000;

export async function checkHealth(database: Executor = db, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  await connection();
  let pendingMigrations: number;
  try {
    pendingMigrations = await withTimeout(countPendingMigrations(database), timeoutMs);
  } catch {
    return { ok: false, database: 'down', pendingMigrations: null, message: `The database did not answer within ${timeoutMs} ms.` };
  }
  if (pendingMigrations > 0) {
    return { ok: false, database: 'up', pendingMigrations, message: `${pendingMigrations} migration(s) not applied: run npm run db:migrate.` };
  }
  return { ok: true, database: 'up', pendingMigrations };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  // The query may still settle later; its outcome no longer matters.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
