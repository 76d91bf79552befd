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

/** An absolute URL on this site. */
export function absoluteUrl(path: string): string {
  return `${site.url}${path.startsWith('/') ? path : `/${path}`}`;
}
