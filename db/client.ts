import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { database } from '@/lib/config';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
/** A database handle or an open transaction: lib functions accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export function connect(url: string, options: postgres.Options<Record<string, never>> = {}) {
  const client = postgres(url, { onnotice: () => {}, ...options });
  return { db: drizzle(client, { schema, casing: 'snake_case' }), client };
}

// Keep one pool per process, also across dev-server reloads (which re-evaluate modules).
const shared = globalThis as unknown as { mastheadDb?: ReturnType<typeof connect> };

function sharedConnection() {
  if (!shared.mastheadDb) {
    const url = database.url();
    if (!url) throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` or set it.');
    shared.mastheadDb = connect(url, { max: database.poolSize() });
  }
  return shared.mastheadDb;
}

/**
 * The app's database. The pool opens on first use, so importing this module (as a build
 * step that never queries does) needs no database.
 */
export const db: Database = new Proxy({} as Database, {
  get: (_target, property) => Reflect.get(sharedConnection().db, property),
});
