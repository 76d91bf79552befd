import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { resolve } from 'node:path';
import journal from './migrations/meta/_journal.json';
import { connect, type Executor } from './client';

const migrationsFolder = resolve(process.cwd(), 'db/migrations');
// Any constant will do; it only has to be the same for every instance of the app.
const MIGRATION_LOCK = 7_150_001;

/** Applies committed migrations. Safe to run from several instances at once. */
export async function migrateDatabase(url: string): Promise<void> {
  const { db, client } = connect(url, { max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    await migrate(db, { migrationsFolder });
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await client.end();
  }
}

/** The number of committed migrations the database has not applied yet. */
export async function countPendingMigrations(db: Executor): Promise<number> {
  const [table] = await db.execute<{ name: string | null }>(
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`,
  );
  if (!table?.name) return journal.entries.length;
  const [row] = await db.execute<{ applied: string | null }>(
    sql`select max(created_at)::text as applied from drizzle.__drizzle_migrations`,
  );
  const applied = Number(row?.applied ?? 0);
  return journal.entries.filter((entry) => entry.when > applied).length;
}
