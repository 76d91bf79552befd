import { describe, expect, it } from 'vitest';
import { checkHealth } from './health';

describe('health check', () => {
  it('is ok on a migrated database', async () => {
    expect(await checkHealth()).toEqual({ ok: true, database: 'up', pendingMigrations: 0 });
  });
});

describe('health check on a database without the migrations', () => {
  it('reports the pending migrations as not ok', async () => {
    const { inject } = await import('vitest');
    const { createDatabase } = await import('@/scripts/lib/databases');
    const { connect } = await import('@/db/client');
    const { countPendingMigrations } = await import('@/db/migrate');
    const url = await createDatabase({ serverUrl: inject('serverUrl'), name: `${inject('databasePrefix')}_empty`, replace: true });
    const { db, client } = connect(url, { max: 1 });
    try {
      expect(await countPendingMigrations(db)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
