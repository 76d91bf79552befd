import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { siteSettings } from '@/db/schema';
import { onTagsExpired } from '@/lib/cache/expiry-listeners';
import { cacheTags } from '@/lib/cache/tags';
import { site } from '@/lib/config';

/**
 * The paper's name for the pages the proxy answers itself (a withdrawn story's 410, too
 * many searches' 429, an ended preview link). The proxy runs outside React's cache, so
 * `getSiteSettings()` cannot serve it; this reads the one `name` row the first time such a
 * page is sent and then answers from memory until an admin saves Settings (the
 * `site-settings` tag expires here, or in another instance and is announced through
 * NOTIFY). Reader requests that pass through the proxy never touch it. A day's limit
 * bounds the life of a copy that somehow missed an expiry.
 */
const REMEMBER_MS = 86_400_000;
const RETRY_MS = 30_000;

type Remembered = { name: Promise<string>; at: number };
// On globalThis: the proxy and the routes are separate bundles in one process.
const shared = globalThis as unknown as { mastheadNoticeSiteName?: Remembered };

onTagsExpired('notice-site-name', (expired) => {
  if (expired.includes(cacheTags.siteSettings)) shared.mastheadNoticeSiteName = undefined;
});

export async function siteNameForNotices(): Promise<string> {
  const known = shared.mastheadNoticeSiteName;
  if (known && Date.now() - known.at < REMEMBER_MS) return known.name;
  const name = readName();
  shared.mastheadNoticeSiteName = { name, at: Date.now() };
  try {
    return await name;
  } catch {
    // The database cannot answer: the environment's name, asked again in half a minute
    // (not at once: a flood of 429s must not wait on a database that is down).
    if (shared.mastheadNoticeSiteName?.name === name) shared.mastheadNoticeSiteName = { name: Promise.resolve(site.name), at: Date.now() - REMEMBER_MS + RETRY_MS };
    return site.name;
  }
}

async function readName(): Promise<string> {
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(eq(siteSettings.key, 'name'));
  return typeof row?.value === 'string' && row.value ? row.value : site.name;
}
