/**
 * Backs up the database and its media into one folder:
 *   npm run db:backup -- [--out backups/masthead-<time>]
 * The database goes through pg_dump's custom format (a consistent snapshot, restored with
 * pg_restore); media objects are copied from wherever they live (local disk or S3).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { mediaStorage } from '@/lib/media/storage';
import { DUMP_FILE, MANIFEST_FILE, MEDIA_FOLDER, countRows, mediaKeys, postgresClientArgs, runPostgresTool, type BackupManifest } from './lib/backup';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL to the database to back up.');
  process.exit(2);
}
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const out = resolve(values.out ?? join('backups', `masthead-${stamp}`));
mkdirSync(out, { recursive: true });
if (readdirSync(out).length > 0) {
  console.error(`${out} is not empty; choose a new folder with --out.`);
  process.exit(2);
}

const { dbname, env } = postgresClientArgs(databaseUrl);
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
let manifest: BackupManifest;
try {
  // pg_dump reads the snapshot this transaction exported, so the counts and media list
  // describe exactly the rows in the dump, however busy the site is meanwhile.
  manifest = await sql.begin('isolation level repeatable read read only', async (tx) => {
    const [exported] = await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
    const snapshot = exported!.snapshot;
    const dump = runPostgresTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${join(out, DUMP_FILE)}`, `--dbname=${dbname}`], env);
    const rows = await countRows(tx);
    const keys = await mediaKeys(tx);
    await dump;
    return { format: 1, createdAt: new Date().toISOString(), rows, media: { keys, missing: [] } } satisfies BackupManifest;
  });
} finally {
  await sql.end();
}
const storage = mediaStorage();
mkdirSync(join(out, MEDIA_FOLDER));
for (const key of manifest.media.keys) {
  const object = await storage.get(key);
  if (object) writeFileSync(join(out, MEDIA_FOLDER, key), object.body);
  else manifest.media.missing.push(key);
}
manifest.media.keys = manifest.media.keys.filter((key) => !manifest.media.missing.includes(key));
writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
const stories = manifest.rows['public.articles'] ?? 0;
console.log(`Backed up ${stories} stories and ${manifest.media.keys.length} media files to ${out}`);
if (manifest.media.missing.length) console.warn(`Warning: ${manifest.media.missing.length} media files the database names were not found in storage: ${manifest.media.missing.slice(0, 5).join(', ')}…`);
