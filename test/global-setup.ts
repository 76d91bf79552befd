import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/db/migrate';
import { assertLocalDatabase, createDatabase, dropDatabases } from '@/scripts/lib/databases';
import { startEmbeddedPostgres } from '@/scripts/lib/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    databasePrefix: string;
  }
}

/**
 * One PostgreSQL server for the run (DATABASE_URL's, or the embedded one), a template
 * database migrated once, and per worker a copy of it (see setup.ts).
 */
export default async function setup(project: TestProject) {
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(() => {});
  const serverUrl = process.env.DATABASE_URL ?? embedded!.urlFor('postgres');
  assertLocalDatabase(serverUrl);
  const databasePrefix = `masthead_test_${process.pid}`;
  const templateUrl = await createDatabase({ serverUrl, name: `${databasePrefix}_template`, replace: true });
  await migrateDatabase(templateUrl);
  project.provide('serverUrl', serverUrl);
  project.provide('databasePrefix', databasePrefix);

  return async () => {
    await dropDatabases(serverUrl, databasePrefix);
    await embedded?.stop();
  };
}
