/**
 * What `npm run db:backup` and `npm run db:restore` share: a backup is one folder with the
 * database as a pg_dump custom-format file, every media object the database refers to,
 * and a manifest with row counts to check a restore against.
 */
import { spawn } from 'node:child_process';
import postgres from 'postgres';

export const DUMP_FILE = 'database.dump';
export const MEDIA_FOLDER = 'media';
export const MANIFEST_FILE = 'manifest.json';

export type BackupManifest = {
  format: 1;
  createdAt: string;
  /** Rows per table (`schema.table`) when the dump was taken. */
  rows: Record<string, number>;
  media: { keys: string[]; missing: string[] };
};

/**
 * pg_dump and pg_restore arguments for a connection URL, with the password moved into the
 * environment so it never shows in the process list.
 */
export function postgresClientArgs(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a PostgreSQL client program; rejects with what it printed when it fails. */
export function runPostgresTool(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error) =>
      reject(new Error(`${program} could not run (${error.message}). Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`)),
    );
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      // Debian 12 ships the version 15 client; the embedded development server is 17.
      const hint = /server version mismatch/.test(errors) ? '\nInstall the PostgreSQL client tools of the server\'s version (Debian: postgresql-client-<version> from apt.postgresql.org).' : '';
      reject(new Error(`${program} failed (exit ${code}):\n${errors.trim()}${hint}`));
    });
  });
}

/** Exact row counts of every table in the app's schemas. */
export async function countRows(sql: postgres.Sql | postgres.TransactionSql): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }[]>`
    select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
    from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')
    order by 1`;
  const rows: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${name}`);
    rows[name] = row!.n;
  }
  return rows;
}

/** Every media object key the database refers to: originals and their renditions. */
export async function mediaKeys(sql: postgres.Sql | postgres.TransactionSql): Promise<string[]> {
  const rows = await sql<{ key: string }[]>`
    select storage_key as key from media
    union
    select rendition->>'key' from media, jsonb_array_elements(renditions) as rendition
    order by 1`;
  return rows.map((row) => row.key).filter(Boolean);
}
