import 'server-only';
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { db, readerDb } from '@/db/client';
import { breakingBanners, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { expireTags } from '@/lib/cache/expire';
import { cacheTags } from '@/lib/cache/tags';
import { safeLinkHref } from '@/lib/content/links';
import { cleanText } from '@/lib/content/sanitize-document';
import { assertCan, type Actor } from '@/lib/permissions';

/** Choices for how long a banner stays up, in minutes (0: until removed). */
export const BANNER_DURATIONS = [0, 30, 60, 120, 360, 1440] as const;

export const bannerInput = z.object({
  text: z
    .string()
    .transform((value) => cleanText(value).replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'Write the banner line.').max(160, 'One line: keep it under 160 characters.')),
  href: z
    .string()
    .trim()
    .max(2000)
    .default('')
    .refine((value) => value === '' || /^\/(?!\/)/.test(value) || safeLinkHref(value) !== null, 'Use a page of this site (/articles/…) or an http(s) address.'),
  expiresInMinutes: z.coerce
    .number()
    .refine((value) => (BANNER_DURATIONS as readonly number[]).includes(value), 'Choose how long the banner stays up.')
    .default(0),
});
export type BannerInput = z.infer<typeof bannerInput>;

export type ReaderBanner = { text: string; href: string };

const current = () =>
  and(isNull(breakingBanners.removedAt), or(isNull(breakingBanners.expiresAt), gt(breakingBanners.expiresAt, sql`now()`)));

/**
 * The banner readers see, part of every cached reader page. Setting, removing and expiring
 * it expire the one tag, so pages stay cached whole in between.
 */
export async function getReaderBanner(): Promise<ReaderBanner | null> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.breakingBanner);
  const [banner] = await readerDb
    .select({ text: breakingBanners.text, href: breakingBanners.href })
    .from(breakingBanners)
    .where(current())
    .orderBy(desc(breakingBanners.id))
    .limit(1);
  return banner ?? null;
}

export type NewsroomBanner = { id: number; text: string; href: string; expiresAt: Date | null; setBy: string | null; createdAt: Date };

export async function findCurrentBanner(actor: Actor): Promise<NewsroomBanner | null> {
  assertCan(actor, 'banner.manage');
  const [banner] = await db
    .select({ id: breakingBanners.id, text: breakingBanners.text, href: breakingBanners.href, expiresAt: breakingBanners.expiresAt, setBy: users.displayName, createdAt: breakingBanners.createdAt })
    .from(breakingBanners)
    .leftJoin(users, eq(users.id, breakingBanners.createdBy))
    .where(current())
    .orderBy(desc(breakingBanners.id))
    .limit(1);
  return banner ?? null;
}

/** Puts up a banner, replacing any current one. */
export async function setBreakingBanner(actor: Actor, ip: string, input: BannerInput): Promise<void> {
  assertCan(actor, 'banner.manage');
  const expiresAt = input.expiresInMinutes > 0 ? new Date(Date.now() + input.expiresInMinutes * 60_000) : null;
  await db.transaction(async (tx) => {
    await tx.update(breakingBanners).set({ removedAt: sql`now()`, removedBy: actor.id }).where(isNull(breakingBanners.removedAt));
    const [row] = await tx.insert(breakingBanners).values({ text: input.text, href: input.href, expiresAt, createdBy: actor.id }).returning({ id: breakingBanners.id });
    await recordAudit(tx, { actorId: actor.id, action: 'banner.set', ip, details: { bannerId: row!.id, text: input.text, href: input.href, expiresAt } });
  });
  await expireTags(cacheTags.breakingBanner);
}

/** Takes the banner down everywhere. */
export async function removeBreakingBanner(actor: Actor, ip: string): Promise<boolean> {
  assertCan(actor, 'banner.manage');
  const removed = await db.transaction(async (tx) => {
    const rows = await tx
      .update(breakingBanners)
      .set({ removedAt: sql`now()`, removedBy: actor.id })
      .where(isNull(breakingBanners.removedAt))
      .returning({ id: breakingBanners.id, text: breakingBanners.text });
    if (rows.length > 0) await recordAudit(tx, { actorId: actor.id, action: 'banner.removed', ip, details: { bannerIds: rows.map((r) => r.id), text: rows[0]!.text } });
    return rows.length > 0;
  });
  await expireTags(cacheTags.breakingBanner);
  return removed;
}

/**
 * Run every second by the background job: a banner whose time is up is dropped from every
 * cached page at once (in every instance), by whichever instance claims it first.
 */
export async function announceExpiredBanners(): Promise<number> {
  const due = await db
    .update(breakingBanners)
    .set({ expiryAnnouncedAt: sql`now()` })
    .where(and(isNull(breakingBanners.removedAt), isNull(breakingBanners.expiryAnnouncedAt), lte(breakingBanners.expiresAt, sql`now()`)))
    .returning({ id: breakingBanners.id });
  if (due.length > 0) await expireTags(cacheTags.breakingBanner);
  return due.length;
}
