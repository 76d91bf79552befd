import 'server-only';
import Redis from 'ioredis';
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import postgres from 'postgres';

/**
 * Sign-in throttling, per account and per address, kept in Postgres (or Redis when
 * REDIS_URL is set) so that every app instance sees the same counts.
 *
 * - An account gets a few free failures; after that each failure blocks it for twice as
 *   long as the last (30 s, 1 min, 2 min…), never more than 15 minutes, so a stranger
 *   guessing cannot lock its owner out for long. A success clears the count.
 * - An address that fails too often across any accounts (credential stuffing) is blocked.
 */
function settings() {
  const number = (name: string, fallback: number) => Number(process.env[name]) || fallback;
  return {
    freeFailures: number('LOGIN_FREE_FAILURES', 5),
    firstBlockSeconds: number('LOGIN_FIRST_BLOCK_SECONDS', 30),
    maxBlockSeconds: number('LOGIN_MAX_BLOCK_SECONDS', 15 * 60),
    addressFailures: number('LOGIN_ADDRESS_FAILURES', 50),
    addressBlockSeconds: number('LOGIN_ADDRESS_BLOCK_SECONDS', 60 * 60),
  };
}

type Limiters = { accountFailures: RateLimiterAbstract; accountBlock: RateLimiterAbstract; addressFailures: RateLimiterAbstract };

const shared = globalThis as unknown as { mastheadThrottle?: { key: string; limiters: Limiters } };

function limiters(): Limiters {
  const config = settings();
  const key = JSON.stringify(config);
  if (shared.mastheadThrottle?.key === key) return shared.mastheadThrottle.limiters;
  const store = storeOptions();
  const make = (keyPrefix: string, points: number, duration: number, blockDuration = 0) =>
    'storeClient' in store && store.storeClient instanceof Redis
      ? new RateLimiterRedis({ ...store, keyPrefix, points, duration, blockDuration })
      : new RateLimiterPostgres({ ...store, keyPrefix, points, duration, blockDuration });
  const built: Limiters = {
    accountFailures: make('login_fail_account', 10_000, 60 * 60),
    accountBlock: make('login_block_account', 1, config.maxBlockSeconds),
    addressFailures: make('login_fail_address', config.addressFailures, 15 * 60, config.addressBlockSeconds),
  };
  shared.mastheadThrottle = { key, limiters: built };
  return built;
}

function storeOptions() {
  if (process.env.REDIS_URL) {
    return { storeClient: new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 }) };
  }
  // rate-limiter-flexible speaks to a `pg`-style client; this adapts postgres.js to it.
  const sql = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
  const client = {
    query: ({ text, values }: { text: string; values?: unknown[] }) =>
      sql.unsafe(text, (values ?? []) as postgres.ParameterOrJSON<never>[]).then((rows) => ({ rows, rowCount: rows.count })),
  };
  return { storeClient: client, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false };
}

const accountKey = (email: string) => email.trim().toLowerCase();

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether a sign-in attempt may be checked at all right now. */
export async function checkLoginAllowed(email: string, address: string): Promise<LoginGate> {
  const { accountBlock, addressFailures } = limiters();
  const [blocked, byAddress] = await Promise.all([accountBlock.get(accountKey(email)), addressFailures.get(address)]);
  const waits = [blockedFor(blocked, 1), blockedFor(byAddress, settings().addressFailures)].filter((s) => s > 0);
  return waits.length > 0 ? { allowed: false, retryAfterSeconds: Math.max(...waits) } : { allowed: true };
}

function blockedFor(result: RateLimiterRes | null, points: number): number {
  return result && result.consumedPoints > points ? Math.ceil(result.msBeforeNext / 1000) : 0;
}

/** Counts a failed attempt and returns how long the account is now blocked, if at all. */
export async function recordLoginFailure(email: string, address: string): Promise<number> {
  const config = settings();
  const { accountFailures, accountBlock, addressFailures } = limiters();
  await addressFailures.penalty(address).catch(() => undefined);
  const { consumedPoints } = await accountFailures.penalty(accountKey(email));
  const over = consumedPoints - config.freeFailures;
  if (over <= 0) return 0;
  const seconds = Math.min(config.maxBlockSeconds, config.firstBlockSeconds * 2 ** (over - 1));
  await accountBlock.block(accountKey(email), seconds);
  return seconds;
}

export async function recordLoginSuccess(email: string): Promise<void> {
  const { accountFailures, accountBlock } = limiters();
  await Promise.all([accountFailures.delete(accountKey(email)), accountBlock.delete(accountKey(email))]);
}
