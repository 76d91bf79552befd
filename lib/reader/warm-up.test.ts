import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { database } from '@/lib/config';
import { warmReaderConnections } from './warm-up';

describe('warmReaderConnections', () => {
  it('opens every connection of the pool', async () => {
    // This file's pool opens its first connection after this moment; only those are counted.
    const started = new Date();
    const opened = async () => {
      const [row] = await db.execute<{ count: number }>(
        sql`select count(*)::int as count from pg_stat_activity where datname = current_database() and backend_start >= ${started.toISOString()}::timestamptz`,
      );
      return row!.count;
    };
    expect(await opened()).toBe(1); // the one asking
    await warmReaderConnections();
    expect(await opened()).toBe(database.poolSize());
  });
});
