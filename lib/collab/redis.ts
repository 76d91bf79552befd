import 'server-only';
import { Redis } from '@hocuspocus/extension-redis';

/** Hocuspocus's own key and channel prefix: servers sharing documents must agree on it. */
export const DEFAULT_REDIS_PREFIX = 'hocuspocus';

/**
 * Hocuspocus's Redis extension for `REDIS_URL` (redis://[user:password@]host[:port][/db],
 * or rediss:// for TLS): it relays updates and awareness between collaboration servers
 * holding the same story, and takes a short lock so only one of them stores it at a time;
 * its client (`pub`) also records spent connection tokens and fold claims (redis-sharing.ts).
 * Its channels are not scoped by the database number (Redis pub/sub is server-wide), so
 * servers that must not hear each other need different prefixes.
 */
export function redisExtension(redisUrl: string, prefix = DEFAULT_REDIS_PREFIX): Redis {
  return new Redis({ ...redisConnectionOf(redisUrl), prefix });
}

export type RedisConnection = {
  host: string;
  port: number;
  options: { username?: string; password?: string; db: number; tls?: Record<string, never> };
};

export function redisConnectionOf(redisUrl: string): RedisConnection {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss:// (got ${url.protocol}//).`);
  const db = Number(url.pathname.slice(1) || 0);
  if (!Number.isInteger(db) || db < 0) throw new Error(`REDIS_URL's database must be a number (got "${url.pathname.slice(1)}").`);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db,
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  };
}
