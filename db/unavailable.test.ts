import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, readForPage } from './unavailable';

/** A real query to a port where no database listens: the driver's own "not answering". */
async function queryNobody(): Promise<never> {
  const sql = postgres('postgres://postgres@127.0.0.1:1/nothing', { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
  } finally {
    await sql.end({ timeout: 0 });
  }
  throw new Error('a database answered on port 1');
}

describe('a page read the database cannot answer', () => {
  it('says the database is not answering, that nothing saved is lost and to reload', async () => {
    const read = await readForPage(queryNobody);
    expect(read).toEqual({ ok: false, message: expect.stringContaining('the database is not answering') });
    expect(read.ok ? '' : read.message).toContain('reload the page in a moment');
  });

  it('says busy when no connection became free, wrapped as Drizzle wraps it', async () => {
    const read = await readForPage(() => Promise.reject(new Error('Failed query', { cause: new DatabaseBusyError(5000) })));
    expect(read).toEqual({ ok: false, message: expect.stringContaining('the database is busy') });
  });

  it('hands back what was read, and throws any other failure on', async () => {
    expect(await readForPage(async () => 42)).toEqual({ ok: true, value: 42 });
    await expect(readForPage(() => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
  });
});
