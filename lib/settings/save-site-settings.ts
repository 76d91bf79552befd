import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { media, siteSettings } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { expireTags } from '@/lib/cache/expire';
import { cacheTags } from '@/lib/cache/tags';
import { ActionError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/permissions';
import { readStoredSettings, SETTING_KEYS, type StoredSettings } from './site-settings';

export const SETTINGS_LIMITS = { name: 80, tagline: 120, description: 300 } as const;
/** Smaller share images are shown as thumbnails or refused by Facebook, X and Google. */
export const SHARE_IMAGE_MIN_WIDTH = 600;

// Control characters would end up in feeds and e-mail headers; line breaks in a name too.
const noControl = (text: string) => !/[\u0000-\u001f\u007f]/.test(text);
const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine(noControl, `${label} cannot contain line breaks or control characters.`);
const pictureId = z
  .union([z.literal(''), z.uuid('Choose a picture from the media library.')])
  .transform((id) => id || null);

export const siteSettingsInput = z.object({
  name: line('The name', SETTINGS_LIMITS.name).pipe(z.string().min(2, 'Give the paper a name of at least 2 characters.')),
  tagline: line('The tagline', SETTINGS_LIMITS.tagline).default(''),
  description: line('The description', SETTINGS_LIMITS.description).pipe(z.string().min(10, 'Describe the paper in at least 10 characters: search engines and feeds show it.')),
  logoId: pictureId.default(''),
  shareImageId: pictureId.default(''),
});
export type SiteSettingsInput = z.infer<typeof siteSettingsInput>;

/** The picture must be in the library; a share image needs alt text and enough width. */
async function checkPicture(id: string | null, field: 'logoId' | 'shareImageId'): Promise<void> {
  if (!id) return;
  const [row] = await db.select({ width: media.width, alt: media.altText }).from(media).where(eq(media.id, id));
  const refuse = (message: string) => {
    throw new ActionError(message, 'invalid', { [field]: [message] });
  };
  if (!row) refuse('That picture is no longer in the media library. Choose another.');
  if (field === 'shareImageId' && row!.alt.trim() === '') refuse('Give the share image alt text in Media first: social sites show it to people who cannot see the picture.');
  if (field === 'shareImageId' && row!.width < SHARE_IMAGE_MIN_WIDTH) refuse(`The share image must be at least ${SHARE_IMAGE_MIN_WIDTH} pixels wide.`);
}

/**
 * Saves what changed, audits the old and new values, and expires the `site-settings` tag
 * in every instance, so every reader page shows the new name at once.
 */
export async function saveSiteSettings(actor: Actor, ip: string, input: SiteSettingsInput): Promise<{ changed: string[] }> {
  assertCan(actor, 'settings.manage');
  await checkPicture(input.logoId, 'logoId');
  await checkPicture(input.shareImageId, 'shareImageId');
  const changed = await db.transaction(async (tx) => {
    // One save at a time, so the audited "before" is what the save really replaced.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('masthead:site_settings'))`);
    const before: StoredSettings = await readStoredSettings(tx);
    const keys = SETTING_KEYS.filter((key) => before[key] !== input[key]);
    for (const key of keys) {
      // "No picture" is stored as '' (the column holds JSON and is NOT NULL).
      const value = input[key] ?? '';
      await tx.insert(siteSettings).values({ key, value }).onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: new Date() } });
    }
    if (keys.length > 0) {
      const pick = (from: StoredSettings) => Object.fromEntries(keys.map((key) => [key, from[key]]));
      await recordAudit(tx, { actorId: actor.id, action: 'settings.updated', ip, details: { before: pick(before), after: pick(input) } });
    }
    return keys;
  });
  if (changed.length > 0) await expireTags(cacheTags.siteSettings);
  return { changed };
}
