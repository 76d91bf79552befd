import 'server-only';
import { z } from 'zod';

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Seoul');

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  SITE_URL: z.string().url().default('http://localhost:3000'),
  SITE_NAME: z.string().min(1).default('The Port Calder Courier'),
  SITE_TAGLINE: z.string().max(120).default(''),
  SITE_DESCRIPTION: z.string().max(300).default(''),
  SITE_TIMEZONE: timeZone.default('Asia/Seoul'),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

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
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  return {
    site: {
      url: env.SITE_URL.replace(/\/+$/, ''),
      name: env.SITE_NAME,
      tagline: env.SITE_TAGLINE,
      description: env.SITE_DESCRIPTION,
      timeZone: env.SITE_TIMEZONE,
    } satisfies SiteConfig,
    network: { trustedProxyHops: env.TRUSTED_PROXY_HOPS } satisfies NetworkConfig,
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
const raw = (name: string): string | undefined => process.env[name] || undefined;

/** A positive number from the environment, or the fallback when unset or not one. */
function positive(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const runtime = {
  isProduction: () => process.env.NODE_ENV === 'production',
  isDevelopment: () => process.env.NODE_ENV === 'development',
  /** Behind a proxy that sets the Host header (AUTH_TRUST_HOST), or anywhere outside production. */
  trustHost: () => raw('AUTH_TRUST_HOST') === 'true' || process.env.NODE_ENV !== 'production',
};

export const database = {
  url: () => raw('DATABASE_URL'),
  poolSize: () => positive('DATABASE_POOL_SIZE', 10),
};

/** SITE_URL exactly as set (undefined when not): the one origin besides the request's own that forms may come from. */
export const configuredSiteUrl = () => raw('SITE_URL');

/** A positive number setting by name (session lengths, sign-in throttling), or the fallback. */
export const numberSetting = positive;

export const limits = {
  maxUploadBytes: () => positive('MEDIA_MAX_BYTES', 20 * 1024 * 1024),
  searchesPerMinute: () => Math.max(1, Number(process.env.SEARCH_LIMIT_PER_MINUTE) || 60),
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
  const bucket = raw('S3_BUCKET');
  if (!bucket) return { directory: raw('MEDIA_DIR') ?? '.data/media' };
  return {
    s3: {
      bucket,
      region: raw('S3_REGION') ?? 'us-east-1',
      endpoint: raw('S3_ENDPOINT'),
      accessKeyId: raw('S3_ACCESS_KEY_ID'),
      secretAccessKey: raw('S3_SECRET_ACCESS_KEY'),
      forcePathStyle: raw('S3_FORCE_PATH_STYLE') === 'true',
      prefix: raw('S3_PREFIX') ?? '',
    },
  };
}

export type SmtpSettings = { host: string; from: string; port: number; secure: boolean; user?: string; password?: string };

/** Outgoing mail, when SMTP_HOST and SMTP_FROM are set. */
export function smtpSettings(): SmtpSettings | null {
  const host = raw('SMTP_HOST');
  const from = raw('SMTP_FROM');
  if (!host || !from) return null;
  return { host, from, port: Number(process.env.SMTP_PORT) || 587, secure: raw('SMTP_SECURE') === 'true', user: raw('SMTP_USER'), password: process.env.SMTP_PASSWORD };
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
  port: () => positive('COLLAB_PORT', 3300),
  host: () => raw('COLLAB_HOST') ?? '127.0.0.1',
  publicUrl: () => raw('COLLAB_URL') ?? null,
  redisUrl: () => raw('REDIS_URL') ?? null,
  /** How often every open connection's access is checked again (signed out, deactivated, story state). */
  recheckMs: () => positive('COLLAB_RECHECK_MS', 3_000),
  signingSecret: (): string => {
    const secret = raw('AUTH_SECRET');
    if (!secret) throw new Error('AUTH_SECRET is not set: the collaboration server and the app must share it.');
    return secret;
  },
};
