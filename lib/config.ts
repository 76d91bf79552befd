import 'server-only';
import { environmentSchema, type Environment, type LogLevel } from './config-schema';

export { LOG_LEVELS, type LogLevel } from './config-schema';
export type { Environment };
type Name = keyof Environment;

const present = (env: Record<string, string | undefined>) => Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));

function describe(issues: { path: PropertyKey[]; message: string }[]): string {
  return `Invalid configuration:\n${issues.map((issue) => `  ${issue.path.map(String).join('.')}: ${issue.message}`).join('\n')}`;
}

/**
 * Checks the whole environment, and what production needs on top: a signing secret, the
 * public address, and, with several instances, the keys they must share. Throws an error
 * naming every variable that is wrong.
 */
export function checkEnvironment(env: Record<string, string | undefined> = process.env): Environment {
  const parsed = environmentSchema.safeParse(present(env));
  if (!parsed.success) throw new Error(describe(parsed.error.issues));
  const values = parsed.data;
  const problems: { path: string[]; message: string }[] = [];
  const need = (name: Name, message: string) => values[name] === undefined && problems.push({ path: [name], message });
  if (values.CDN_PURGE_URL) need('CDN_PURGE_SECRET', 'required with CDN_PURGE_URL: purge requests are signed with it');
  if (values.NODE_ENV === 'production') {
    need('AUTH_SECRET', 'required in production: it signs session cookies (openssl rand -base64 32)');
    if (values.AUTH_SECRET !== undefined && values.AUTH_SECRET.length < 32) problems.push({ path: ['AUTH_SECRET'], message: 'must be at least 32 characters in production (openssl rand -base64 32)' });
    need('SITE_URL', "required in production: the site's public address, used in links, feeds and sitemaps");
    if (values.INSTANCE_COUNT > 1) {
      const why = `required with INSTANCE_COUNT=${values.INSTANCE_COUNT}:`;
      need('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', `${why} every instance must decrypt the others' server actions (openssl rand -base64 32, the same everywhere)`);
      need('NEXT_DEPLOYMENT_ID', `${why} one release name for the build and every instance (e.g. the commit)`);
    }
  }
  if (problems.length > 0) throw new Error(describe(problems));
  return values;
}

/**
 * Next bakes NEXT_DEPLOYMENT_ID into the browser's code at build time and compares it with
 * the server's on every navigation and action: a server started without the build's id
 * breaks the newsroom editor's actions (seen in the browser tests). So the two must match.
 */
export function checkDeploymentId(buildDeploymentId: string | undefined, env: Record<string, string | undefined> = process.env): void {
  const running = env.NEXT_DEPLOYMENT_ID || undefined;
  if ((buildDeploymentId || undefined) === running) return;
  throw new Error(
    describe([
      {
        path: ['NEXT_DEPLOYMENT_ID'],
        message: `must be the build's: it was built with ${buildDeploymentId ? `"${buildDeploymentId}"` : 'none'}, and this server has ${running ? `"${running}"` : 'none'} (set it for the build and every instance alike)`,
      },
    ]),
  );
}

/** One variable, validated by its part of the schema, read when asked. */
function setting<K extends Name>(name: K): Environment[K] {
  const value = process.env[name] || undefined;
  const parsed = environmentSchema.shape[name].safeParse(value);
  if (!parsed.success) throw new Error(describe(parsed.error.issues.map((issue) => ({ ...issue, path: [name] }))));
  return parsed.data as Environment[K];
}

/** The site's address and time zone, and the first values of what admins edit in Settings. */
export type SiteConfig = {
  url: string;
  name: string;
  tagline: string;
  description: string;
  timeZone: string;
};

export type NetworkConfig = {
  /** How many proxies in front of the app append to X-Forwarded-For (0: the app faces clients). */
  trustedProxyHops: number;
};

function load() {
  const env = environmentSchema.pick({ SITE_URL: true, SITE_NAME: true, SITE_TAGLINE: true, SITE_DESCRIPTION: true, SITE_TIMEZONE: true, TRUSTED_PROXY_HOPS: true }).safeParse(present(process.env));
  if (!env.success) throw new Error(describe(env.error.issues));
  const values = env.data;
  return {
    site: {
      url: (values.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
      name: values.SITE_NAME,
      tagline: values.SITE_TAGLINE,
      description: values.SITE_DESCRIPTION,
      timeZone: values.SITE_TIMEZONE,
    } satisfies SiteConfig,
    network: { trustedProxyHops: values.TRUSTED_PROXY_HOPS } satisfies NetworkConfig,
  };
}

const loaded = load();

/** Site settings from the environment, validated once. */
export const site: SiteConfig = loaded.site;

/** What the app may believe about the network in front of it. */
export const network: NetworkConfig = loaded.network;

/*
 * Settings read when asked rather than once at start: tests, scripts and the dev server set
 * some of these after the app's modules have loaded. This file is the only one that reads
 * process.env (test/architecture.test.ts).
 */
export const runtime = {
  isProduction: () => process.env.NODE_ENV === 'production',
  isDevelopment: () => process.env.NODE_ENV === 'development',
  /** Behind a proxy that sets the Host header (AUTH_TRUST_HOST), or anywhere outside production. */
  trustHost: () => setting('AUTH_TRUST_HOST') === 'true' || process.env.NODE_ENV !== 'production',
};

export const database = {
  url: () => setting('DATABASE_URL'),
  /** A streaming replica for reader queries (db/client.ts), when set. */
  replicaUrl: () => setting('DATABASE_REPLICA_URL'),
  poolSize: () => setting('DATABASE_POOL_SIZE'),
  /** How long a query may wait for a free connection (or a new one to open) before it fails as busy. */
  waitMs: () => setting('DATABASE_WAIT_MS'),
};

export const logging = {
  /** The least severe line written: `info` has one line per request, `error` only failures. */
  level: (): LogLevel => setting('LOG_LEVEL'),
};

/** SITE_URL exactly as set (undefined when not): the one origin besides the request's own that forms may come from. */
export const configuredSiteUrl = () => setting('SITE_URL');

type NumberName = { [K in Name]: Environment[K] extends number ? K : never }[Name];

/** A number setting by name (session lengths, sign-in throttling), validated by the schema, with its default. */
export const numberSetting = (name: NumberName): number => setting(name);

/** How long `next start` answers a reader page from its own copy (0: off); see lib/http/page-cache.ts. */
export const pageCache = {
  seconds: () => setting('PAGE_CACHE_SECONDS'),
};

export const limits = {
  maxUploadBytes: () => setting('MEDIA_MAX_BYTES'),
  searchesPerMinute: () => setting('SEARCH_LIMIT_PER_MINUTE'),
};

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  prefix: string;
};

/** Where media files go: S3-compatible storage when S3_BUCKET is set, else a local folder. */
export function mediaStorageSettings(): { s3: S3Settings } | { directory: string } {
  const bucket = setting('S3_BUCKET');
  if (!bucket) return { directory: setting('MEDIA_DIR') };
  return {
    s3: {
      bucket,
      region: setting('S3_REGION'),
      endpoint: setting('S3_ENDPOINT'),
      accessKeyId: setting('S3_ACCESS_KEY_ID'),
      secretAccessKey: setting('S3_SECRET_ACCESS_KEY'),
      forcePathStyle: setting('S3_FORCE_PATH_STYLE') === 'true',
      prefix: setting('S3_PREFIX'),
    },
  };
}

export type CdnPurgeSettings = { url: string; secret: string; retryBaseMs: number; timeoutMs: number };

/** The CDN purge hook (lib/cache/cdn-purge.ts), when CDN_PURGE_URL is set. */
export function cdnPurgeSettings(): CdnPurgeSettings | null {
  const purgeUrl = setting('CDN_PURGE_URL');
  if (!purgeUrl) return null;
  const secret = setting('CDN_PURGE_SECRET');
  if (!secret) throw new Error('Invalid configuration:\n  CDN_PURGE_SECRET: required with CDN_PURGE_URL: purge requests are signed with it');
  return { url: purgeUrl, secret, retryBaseMs: setting('CDN_PURGE_RETRY_MS'), timeoutMs: setting('CDN_PURGE_TIMEOUT_MS') };
}

export type SmtpSettings = { host: string; from: string; port: number; secure: boolean; user?: string; password?: string };

/** Outgoing mail, when SMTP_HOST and SMTP_FROM are set. */
export function smtpSettings(): SmtpSettings | null {
  const host = setting('SMTP_HOST');
  const from = setting('SMTP_FROM');
  if (!host || !from) return null;
  return { host, from, port: setting('SMTP_PORT'), secure: setting('SMTP_SECURE') === 'true', user: setting('SMTP_USER'), password: setting('SMTP_PASSWORD') };
}

/** An absolute URL on this site. */
export function absoluteUrl(path: string): string {
  return `${site.url}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The collaboration server (scripts/collab-server.ts): where it listens, the address browsers
 * reach it at (unset: `/collab` on the site's own host, as deploy/nginx.conf proxies it), the
 * secret that signs its connection tokens (the app's AUTH_SECRET) and the optional Redis that
 * lets several collaboration servers share documents.
 */
export const collab = {
  port: () => setting('COLLAB_PORT'),
  host: () => setting('COLLAB_HOST'),
  publicUrl: () => setting('COLLAB_URL') ?? null,
  redisUrl: () => setting('REDIS_URL') ?? null,
  /** How often every open connection's access is checked again (signed out, deactivated, story state). */
  recheckMs: () => setting('COLLAB_RECHECK_MS'),
  signingSecret: (): string => {
    const secret = setting('AUTH_SECRET');
    if (!secret) throw new Error('AUTH_SECRET is not set: the collaboration server and the app must share it.');
    return secret;
  },
};
