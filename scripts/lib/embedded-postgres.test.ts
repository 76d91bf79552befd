import { spawnSync } from 'node:child_process';
import postgres from 'postgres';
import { expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';

it('the embedded PostgreSQL keeps its password out of the process list', async () => {
  const server = await startEmbeddedPostgres(() => {});
  try {
    const url = server.urlFor('postgres');
    const password = decodeURIComponent(new URL(url).password);
    expect(password.length).toBeGreaterThan(10);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
    } finally {
      await sql.end();
    }
    // What any user on the machine sees: every process's full command line.
    const processes = spawnSync('ps', ['-eo', 'pid,args', '-ww'], { encoding: 'utf8' }).stdout;
    expect(processes).toContain('embedded-postgres-server.mjs');
    expect(processes).not.toContain(password);
  } finally {
    await server.stop();
  }
}, 180_000);
