/**
 * Restores a folder made by `npm run db:backup` into DATABASE_URL:
 *   npm run db:restore -- backups/masthead-<time> [--replace]
 * Refuses a database that already has tables unless --replace is given (which drops what
 * the backup holds first). Media files go back into the configured storage. Afterwards
 * every table's row count is checked against the backup's manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { contentTypeOfKey } from '@/lib/media/local-disk-storage';
import { mediaStorage } from '@/lib/media/storage';
import { DUMP_FILE, MANIFEST_FILE, MEDIA_FOLDER, countRows, postgresClientArgs, runPostgresTool, type BackupManifest } from './lib/backup';

const databaseUrl = process.env.DATABASE_URL;
const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean', default: false } }, allowPositionals: true });
if (!databaseUrl || positionals.length !== 1) {
  console.error('Usage: DATABASE_URL=… npm run db:restore -- <backup folder> [--replace]');
  process.exit(2);
}
const folder = resolve(positionals[0]!);
if (!existsSync(join(folder, DUMP_FILE)) || !existsSync(join(folder, MANIFEST_FILE))) {
  console.error(`${folder} is not a backup: it needs ${DUMP_FILE} and ${MANIFEST_FILE}.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as BackupManifest;

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
try {
  const [existing] = await sql<{ tables: number }[]>`
    select count(*)::int as tables from information_schema.tables where table_schema in ('public', 'drizzle')`;
  const tables = existing!.tables;
  if (tables > 0 && !values.replace) {
    console.error(`The database already has ${tables} tables. Restore into an empty database, or add --replace to overwrite it.`);
    process.exit(1);
  }
  const { dbname, env } = postgresClientArgs(databaseUrl);
  const clean = values.replace ? ['--clean', '--if-exists'] : [];
  await runPostgresTool('pg_restore', [...clean, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, join(folder, DUMP_FILE)], env);

  const storage = mediaStorage();
  for (const key of manifest.media.keys) {
    await storage.put(key, readFileSync(join(folder, MEDIA_FOLDER, key)), contentTypeOfKey(key));
  }

  const rows = await countRows(sql);
  const differences = Object.entries(manifest.rows).filter(([table, count]) => rows[table] !== count);
  if (differences.length) {
    console.error(`Restored, but row counts differ from the backup: ${differences.map(([t, n]) => `${t} ${rows[t] ?? 'missing'} ≠ ${n}`).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(`Restored ${manifest.rows['public.articles'] ?? 0} stories and ${manifest.media.keys.length} media files from ${folder} (backup of ${manifest.createdAt}); every table's row count matches.`);
  }
} finally {
  await sql.end();
}
