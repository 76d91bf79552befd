import 'server-only';
import { inArray } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { db, readerDb, type Executor } from '@/db/client';
import { media, siteSettings } from '@/db/schema';
import { site } from '@/lib/config';
import { cacheTags } from '@/lib/cache/tags';
import { pictureForUse, type SitePicture } from '@/lib/content/site-picture';

/** What admins set in the newsroom; the environment gives only the first values. */
export type SiteSettings = {
  name: string;
  tagline: string;
  description: string;
  /** Set in the environment (SITE_TIMEZONE), not here: see docs/decisions.md. */
  timeZone: string;
  logo: SitePicture | null;
  shareImage: SitePicture | null;
};

/** The rows of `site_settings`, one per field. */
export const SETTING_KEYS = ['name', 'tagline', 'description', 'logoId', 'shareImageId'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type StoredSettings = { name: string; tagline: string; description: string; logoId: string | null; shareImageId: string | null };

export function defaultSettings(): StoredSettings {
  return {
    name: site.name,
    tagline: site.tagline,
    description: site.description || 'News from Port Calder and the world.',
    logoId: null,
    shareImageId: null,
  };
}

/** The stored values over the defaults; rows of unknown keys or wrong types are ignored. */
export async function readStoredSettings(executor: Executor = db): Promise<StoredSettings> {
  const rows = await executor.select({ key: siteSettings.key, value: siteSettings.value }).from(siteSettings);
  const stored = defaultSettings();
  for (const { key, value } of rows) {
    if (key === 'name' || key === 'tagline' || key === 'description') {
      if (typeof value === 'string') stored[key] = value;
    } else if (key === 'logoId' || key === 'shareImageId') {
      if (typeof value === 'string') stored[key] = value || null;
    }
  }
  return stored;
}

/**
 * The paper's name, tagline, description and pictures, as readers see them. Cached until
 * an admin saves (the `site-settings` tag is expired in every instance).
 */
export async function getSiteSettings(): Promise<SiteSettings> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.siteSettings);
  const stored = await readStoredSettings(readerDb);
  const ids = [stored.logoId, stored.shareImageId].filter((id): id is string => Boolean(id));
  const pictures =
    ids.length === 0
      ? []
      : await readerDb
          .select({ id: media.id, width: media.width, height: media.height, alt: media.altText, storageKey: media.storageKey, renditions: media.renditions })
          .from(media)
          .where(inArray(media.id, ids));
  const picture = (id: string | null) => {
    const row = id ? pictures.find((p) => p.id === id) : undefined;
    return row ? pictureForUse(row) : null;
  };
  return {
    name: stored.name,
    tagline: stored.tagline,
    description: stored.description,
    timeZone: site.timeZone,
    logo: picture(stored.logoId),
    shareImage: picture(stored.shareImageId),
  };
}
