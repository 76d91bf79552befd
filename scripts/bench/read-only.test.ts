import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { readOnlyUrl } from './read-only';

describe('readOnlyUrl', () => {
  it('keeps the address and its parameters, and adds read-only transactions', () => {
    expect(readOnlyUrl('postgres://u:p@db:5432/news?sslmode=disable')).toBe('postgres://u:p@db:5432/news?sslmode=disable&default_transaction_read_only=on');
  });

  it('gives a connection that refuses to write', async () => {
    const sql = postgres(readOnlyUrl(process.env.DATABASE_URL!), { max: 1, onnotice: () => {} });
    const table = `read_only_probe_${Date.now()}`;
    try {
      expect((await sql`show default_transaction_read_only`)[0]).toEqual({ default_transaction_read_only: 'on' });
      await expect(sql.unsafe(`create table ${table} (id int)`)).rejects.toThrow(/read-only transaction/);
    } finally {
      await sql.end();
      const cleanup = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop table if exists ${table}`).finally(() => cleanup.end());
    }
  });
});
