import { withReplicas, type PgWithReplicas } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { database } from '@/lib/config';
import * as schema from './schema';
import { DatabaseBusyError } from './unavailable';

export type Database = PostgresJsDatabase<typeof schema>;
/** A database handle or an open transaction: lib functions accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * A pool of `max` connections. With `waitMs`, a query or transaction that cannot get a
 * connection within that time fails with DatabaseBusyError instead of queueing for as long
 * as the database stays busy: a request should answer "busy, try again", never hang.
 */
export function connect(url: string, options: postgres.Options<Record<string, never>> = {}, waitMs?: number) {
  const client = postgres(url, { onnotice: () => {}, backoff: reconnectDelaySeconds, ...options });
  const bounded = waitMs ? boundWait(client, waitMs) : client;
  return { db: drizzle(bounded, { schema, casing: 'snake_case' }), client };
}

/*
 * postgres.js waits before reconnecting after a failed connection, by default 3^n / 100
 * seconds with n counting failures across the whole pool, up to 20 s. A database down for
 * five seconds made enough failures that the app then waited up to 20 s more after it was
 * back (the chaos run, docs/reliability.md). A second at most is still far from hammering.
 */
export function reconnectDelaySeconds(failures: number): number {
  return Math.min(1, 0.05 * 2 ** failures);
}

type Sql = ReturnType<typeof postgres>;
type PendingQuery = { executed?: boolean; state?: unknown; cancel(): unknown; reject(error: unknown): void };

/*
 * postgres.js queues a query when every connection is in a transaction (or its pipeline is
 * full) and has no limit on how long it waits. Drizzle sends every statement through
 * `unsafe` and every transaction through `begin`, so bounding those two bounds the wait.
 */
function boundWait(client: Sql, waitMs: number): Sql {
  const unsafe = ((...args: Parameters<Sql['unsafe']>) => {
    const query = client.unsafe(...args);
    const pending = query as unknown as PendingQuery;
    // Still queued (handed to the pool but not to a connection) when the wait is over: withdraw it.
    const timer = setTimeout(() => {
      if (pending.executed && !pending.state) {
        // cancel() rejects a queued query with a generic "canceling statement"; say why instead.
        const reject = pending.reject;
        pending.reject = () => reject(new DatabaseBusyError(waitMs));
        void Promise.resolve(pending.cancel()).catch(() => {});
      }
    }, waitMs);
    timer.unref();
    return query;
  }) as Sql['unsafe'];
  const begin = ((...args: unknown[]) => {
    const run = args.pop() as (sql: unknown) => unknown;
    let late = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const transaction = (client.begin as (...a: unknown[]) => Promise<unknown>)(...args, async (sql: unknown) => {
      clearTimeout(timer);
      // The caller was already told "busy": do nothing it does not know about.
      if (late) throw new DatabaseBusyError(waitMs);
      return run(sql);
    });
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        late = true;
        transaction.catch(() => {});
        reject(new DatabaseBusyError(waitMs));
      }, waitMs);
    });
    return Promise.race([transaction, expired]).finally(() => clearTimeout(timer));
  }) as Sql['begin'];
  return new Proxy(client, {
    get: (target, property, receiver) => (property === 'unsafe' ? unsafe : property === 'begin' ? begin : Reflect.get(target, property, receiver)),
  });
}

// Keep one pool per process, also across dev-server reloads (which re-evaluate modules).
const shared = globalThis as unknown as {
  mastheadDb?: ReturnType<typeof connect>;
  mastheadReplica?: { connection: ReturnType<typeof connect> | null; reader: PgWithReplicas<Database> };
};

function pool(url: string) {
  const waitMs = database.waitMs();
  // connect_timeout is in seconds: opening a connection may take as long as waiting for one.
  return connect(url, { max: database.poolSize(), connect_timeout: Math.max(1, Math.ceil(waitMs / 1000)) }, waitMs);
}

function sharedConnection() {
  if (!shared.mastheadDb) {
    const url = database.url();
    if (!url) throw new Error('DATABASE_URL is not set. Start the app with `npm run dev` or set it.');
    shared.mastheadDb = pool(url);
  }
  return shared.mastheadDb;
}

function replicaConnection() {
  if (!shared.mastheadReplica) {
    const primary = sharedConnection().db;
    const url = database.replicaUrl();
    const connection = url ? pool(url) : null;
    shared.mastheadReplica = { connection, reader: withReplicas(primary, [connection?.db ?? primary]) };
  }
  return shared.mastheadReplica;
}

/**
 * The app's database. The pool opens on first use, so importing this module (as a build
 * step that never queries does) needs no database.
 */
export const db: Database = new Proxy({} as Database, {
  get: (_target, property) => Reflect.get(sharedConnection().db, property),
});

/**
 * Reader pages' database: with DATABASE_REPLICA_URL, selects and relational queries go to
 * the streaming replica, and anything that writes (or `execute`) to the primary (Drizzle's
 * withReplicas); without it, the primary. The newsroom and the workflow use `db`, so an
 * editor always sees what they just did. Caches are expired only once the replica has
 * replayed the change (lib/cache/replica-catch-up.ts), so no page is cached from before it.
 */
export const readerDb: Database = new Proxy({} as Database, {
  get: (_target, property) => Reflect.get(replicaConnection().reader, property),
});

/**
 * Where reader pages' raw SQL and read-only transactions go (withReplicas sends execute()
 * and transaction() to the primary): the replica when there is one. Never write through it.
 */
export const readerReadOnlyDb = (): Database => replicaConnection().connection?.db ?? sharedConnection().db;

/** The replica's own connection (null without one): to ask how far it has replayed. */
export const replicaDb = (): Database | null => replicaConnection().connection?.db ?? null;
