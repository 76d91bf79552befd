import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { connect } from './client';
import { DATABASE_BUSY_MESSAGE, DATABASE_DOWN_MESSAGE, DatabaseBusyError, isDatabaseUnavailable, unavailableMessage } from './unavailable';

const url = () => process.env.DATABASE_URL!;

describe('a pool with every connection busy', () => {
  it('fails a waiting query and a waiting transaction as busy after the bounded wait, then serves again', async () => {
    const { db, client } = connect(url(), { max: 1 }, 300);
    try {
      // Open the one connection first, past the bound (client, not db): on a busy machine
      // opening it can itself take longer than the wait, which counts it as busy.
      await client`select 1`;
      // The one connection is held by a transaction for a second and a half.
      const holder = db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(1.5)`);
        return 'held';
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = Date.now();
      const query = db.execute(sql`select 1 as one`).then(() => 'answered', (error: unknown) => error);
      const transaction = db.transaction(async (tx) => tx.execute(sql`select 2`)).then(() => 'answered', (error: unknown) => error);
      const [queryOutcome, transactionOutcome] = await Promise.all([query, transaction]);
      expect(Date.now() - started).toBeLessThan(1_200);
      for (const outcome of [queryOutcome, transactionOutcome]) {
        expect(outcome).toBeInstanceOf(Error);
        expect(isDatabaseUnavailable(outcome)).toBe(true);
        expect(unavailableMessage(outcome)).toBe(DATABASE_BUSY_MESSAGE);
      }
      expect(await holder).toBe('held');
      const [row] = await db.execute<{ one: number }>(sql`select 1 as one`);
      expect(row?.one).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('does not run a transaction whose caller was already told busy', async () => {
    const { db, client } = connect(url(), { max: 1 }, 200);
    const table = `pool_wait_${Date.now()}`;
    try {
      // Past the bound (client, not db), as the first test opens its connection.
      await client.unsafe(`create table ${table} (n int)`);
      const holder = db.transaction(async (tx) => tx.execute(sql`select pg_sleep(0.6)`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const late = await db.transaction(async (tx) => tx.execute(sql.raw(`insert into ${table} values (1)`))).catch((error: unknown) => error);
      expect(late).toBeInstanceOf(DatabaseBusyError);
      await holder;
      // Queued behind the late transaction on the one connection, however long it takes to
      // get its turn and end (through db, a loaded machine could make this wait too long).
      const rows = await client.unsafe(`select n from ${table}`);
      expect(rows).toHaveLength(0);
    } finally {
      await client.unsafe(`drop table if exists ${table}`);
      await client.end();
    }
  });
});

describe('a pool opened by another copy of db/client.ts', () => {
  // A production build bundles db/client.ts and db/unavailable.ts more than once (the
  // instrumentation's copy, the pages' and actions', the proxy's); the one pool lives on
  // globalThis and was opened by whichever copy came first, usually the instrumentation's.
  it('still says busy, not "not answering", when its wait for a connection runs out', async () => {
    vi.resetModules();
    const other = await import('./client');
    const { db, client } = other.connect(url(), { max: 1 }, 200);
    try {
      // Connect first, past the bound (client, not db): on a busy machine opening the one
      // connection can itself take 200 ms, which the bound counts as busy.
      await client`select 1`;
      const holder = db.transaction(async (tx) => tx.execute(sql`select pg_sleep(0.6)`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const error = await db.execute(sql`select 1`).catch((caught: unknown) => caught);
      await holder;
      // The premise: the error is not this copy's DatabaseBusyError, and Drizzle wraps it.
      expect(error).not.toBeInstanceOf(DatabaseBusyError);
      expect((error as { cause?: unknown }).cause).toMatchObject({ code: 'DATABASE_BUSY' });
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(unavailableMessage(error)).toBe(DATABASE_BUSY_MESSAGE);
      expect(unavailableMessage(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(DATABASE_DOWN_MESSAGE);
    } finally {
      await client.end();
    }
  });
});

describe('a database that is not there', () => {
  it('is recognised as unavailable, through the error Drizzle wraps', async () => {
    const { db, client } = connect('postgres://postgres@127.0.0.1:1/none', { max: 1 });
    try {
      const error = await db.execute(sql`select 1`).catch((caught: unknown) => caught);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(isDatabaseUnavailable(new Error('duplicate key'))).toBe(false);
    } finally {
      await client.end({ timeout: 0 });
    }
  });
});

describe('a database that comes back', () => {
  it('is used again within a second or two, however many connections failed while it was away', async () => {
    const target = new URL(url());
    // A port that refuses connections, then forwards them to the real database.
    const { createServer, connect: tcpConnect } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as import('node:net').AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const through = new URL(url());
    through.hostname = '127.0.0.1';
    through.port = String(port);
    const { db, client } = connect(through.toString(), { max: 4, connect_timeout: 2 });
    const forwarder = createServer((socket) => {
      const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    try {
      // Many failures while the database is away, as under load during an outage.
      for (let round = 0; round < 4; round++) {
        const outcomes = await Promise.all(Array.from({ length: 8 }, () => db.execute(sql`select 1`).then(() => 'ok', (error: unknown) => error)));
        expect(outcomes.every((outcome) => isDatabaseUnavailable(outcome))).toBe(true);
      }
      await new Promise<void>((resolve) => forwarder.listen(port, '127.0.0.1', resolve));
      const back = Date.now();
      let answered = false;
      while (!answered && Date.now() - back < 10_000) {
        answered = await db.execute(sql`select 1`).then(() => true, () => false);
        if (!answered) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(answered).toBe(true);
      expect(Date.now() - back).toBeLessThan(2_500);
    } finally {
      await client.end({ timeout: 0 });
      forwarder.close();
    }
  });
});
