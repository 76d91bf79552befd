import { z } from 'zod';

/*
 * The environment's shape, apart from lib/config.ts (which alone reads the environment and checks
 * it against this) so that file stays short.
 */

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Seoul');

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const url = z.url({ error: 'must be a URL such as https://news.example.com' });
const databaseUrl = z.string().regex(/^postgres(ql)?:\/\/./, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/masthead');
const count = z.coerce.number({ error: 'must be a number' }).int('must be a whole number').positive('must be above 0');
const flag = z.enum(['true', 'false'], { error: 'must be true or false' });
const text = z.string();
/** Next decrypts server actions' arguments with this key: raw AES key bytes, base64. */
const actionsKey = z.string().refine((value) => [16, 24, 32].includes(Buffer.from(value, 'base64').length) && /^[A-Za-z0-9+/]+=*$/.test(value), 'must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)');

/**
 * Every environment variable the app reads, in one schema: checked whole when the server
 * starts (checkEnvironment, from instrumentation.ts), and each value again where it is read.
 * Empty values count as unset. The README's Configuration table describes each.
 */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).optional(),
  DATABASE_URL: databaseUrl.optional(),
  DATABASE_REPLICA_URL: databaseUrl.optional(),
  DATABASE_POOL_SIZE: count.max(1000).default(10),
  DATABASE_WAIT_MS: count.default(5_000),
  LOG_LEVEL: z
    .string()
    .transform((level) => level.toLowerCase())
    .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
  AUTH_SECRET: text.optional(),
  AUTH_URL: url.optional(),
  AUTH_TRUST_HOST: flag.optional(),
  SITE_URL: url.optional(),
  SITE_NAME: z.string().min(1).default('The Port Calder Courier'),
  SITE_TAGLINE: z.string().max(120, 'must be at most 120 characters').default(''),
  SITE_DESCRIPTION: z.string().max(300, 'must be at most 300 characters').default(''),
  SITE_TIMEZONE: timeZone.default('Asia/Seoul'),
  TRUSTED_PROXY_HOPS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(10, 'must be 0 to 10').default(0),
  SESSION_IDLE_MINUTES: count.default(120),
  SESSION_MAX_HOURS: count.default(12),
  LOGIN_FREE_FAILURES: count.default(5),
  LOGIN_FIRST_BLOCK_SECONDS: count.default(30),
  LOGIN_MAX_BLOCK_SECONDS: count.default(15 * 60),
  LOGIN_FAILURE_DECAY_SECONDS: count.default(5 * 60),
  LOGIN_ADDRESS_FAILURES: count.default(50),
  LOGIN_ADDRESS_BLOCK_SECONDS: count.default(60 * 60),
  SEARCH_LIMIT_PER_MINUTE: count.default(60),
  /** The app's own micro-cache of reader pages (lib/http/page-cache.ts); 0 turns it off. */
  PAGE_CACHE_SECONDS: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 (off) to 60').max(60, 'must be 0 (off) to 60').default(1),
  SMTP_HOST: text.optional(),
  SMTP_PORT: count.max(65535).default(587),
  SMTP_SECURE: flag.default('false'),
  SMTP_USER: text.optional(),
  SMTP_PASSWORD: text.optional(),
  SMTP_FROM: text.optional(),
  MEDIA_DIR: text.default('.data/media'),
  MEDIA_MAX_BYTES: count.default(20 * 1024 * 1024),
  S3_BUCKET: text.optional(),
  S3_REGION: text.default('us-east-1'),
  S3_ENDPOINT: url.optional(),
  S3_ACCESS_KEY_ID: text.optional(),
  S3_SECRET_ACCESS_KEY: text.optional(),
  S3_FORCE_PATH_STYLE: flag.default('false'),
  S3_PREFIX: text.default(''),
  CDN_PURGE_URL: url.optional(),
  CDN_PURGE_SECRET: text.optional(),
  CDN_PURGE_RETRY_MS: count.default(500),
  CDN_PURGE_TIMEOUT_MS: count.default(5_000),
  /** How many app instances serve this site (behind nginx or a CDN): more than one needs shared keys. */
  INSTANCE_COUNT: count.default(1),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey.optional(),
  /** Co-editing (docs/collaboration.md). */
  COLLAB_PORT: count.max(65535).default(3300),
  COLLAB_HOST: text.default('127.0.0.1'),
  COLLAB_URL: z.string().regex(/^wss?:\/\/[^\s;,']+$/, 'must be a ws:// or wss:// address').optional(),
  COLLAB_RECHECK_MS: count.default(3_000),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// address').optional(),
  NEXT_DEPLOYMENT_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores (the release, e.g. the commit)').optional(),
});

export type Environment = z.infer<typeof environmentSchema>;
