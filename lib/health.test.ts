import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { checkHealth } from './health';

describe('health check', () => {
  it('is ok on a migrated database', async () => {
    expect(await checkHealth()).toEqual({ ok: true, database: 'up', pendingMigrations: 0 });
  });

  it('is down within its timeout when the database accepts connections but never answers', async () => {
    // A server that takes the TCP connection and says nothing: a hung or overloaded database.
    const sockets: import('node:net').Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    const { db, client } = connect(`postgres://postgres@127.0.0.1:${port}/none`, { max: 1, connect_timeout: 30 });
    try {
      const started = Date.now();
      const health = await checkHealth(db, 300);
      expect(health).toMatchObject({ ok: false, database: 'down', pendingMigrations: null });
      expect(health.message).toContain('did not answer');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
      await client.end({ timeout: 0 });
    }
  });

  it('is down when nothing listens, then up again with a database that answers', async () => {
    const refused = connect('postgres://postgres@127.0.0.1:1/none', { max: 1 });
    try {
      expect(await checkHealth(refused.db)).toMatchObject({ ok: false, database: 'down' });
    } finally {
      await refused.client.end({ timeout: 0 });
    }
    expect(await checkHealth()).toMatchObject({ ok: true, database: 'up' });
  });
});

describe('health check on a database without the migrations', () => {
  it('reports the pending migrations as not ok', async () => {
    const { inject } = await import('vitest');
    const { createDatabase } = await import('@/scripts/lib/databases');
    const { countPendingMigrations } = await import('@/db/migrate');
    const url = await createDatabase({ serverUrl: inject('serverUrl'), name: `${inject('databasePrefix')}_empty`, replace: true });
    const { db, client } = connect(url, { max: 1 });
    try {
      expect(await countPendingMigrations(db)).toBeGreaterThan(0);
      const health = await checkHealth(db);
      expect(health).toMatchObject({ ok: false, database: 'up' });
      expect(health.message).toContain('db:migrate');
    } finally {
      await client.end();
    }
  });
});
