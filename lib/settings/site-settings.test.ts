import { desc, eq } from 'drizzle-orm';
import { revalidateTag } from 'next/cache';
import sharp from 'sharp';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, siteSettings } from '@/db/schema';
import { updateSiteSettingsAction } from '@/lib/actions/settings';
import { site } from '@/lib/config';
import { buildRssFeed } from '@/lib/reader/feeds';
import { newsArticleJsonLd } from '@/lib/reader/structured-data';
import { updateMediaText } from '@/lib/media/manage-media';
import { uploadImage } from '@/lib/media/upload-media';
import { createUser, unique } from '@/test/factories';
import { signInAs } from '@/test/session';
import { getSiteSettings } from './site-settings';

afterAll(async () => {
  // Settings are one per database: leave the defaults for the next test file in this worker.
  await db.delete(siteSettings);
});

const valid = { name: 'The Harbour Light', tagline: 'Since 1887', description: 'News from the harbour and the hills beyond it.', logoId: '', shareImageId: '' };
const save = (fields: Record<string, string>) => updateSiteSettingsAction(null, fields);

async function picture(width: number, alt: string) {
  const admin = { id: (await createUser({ role: 'admin' })).id, role: 'admin' as const };
  const { id } = await uploadImage(admin, '', {
    bytes: await sharp({ create: { width, height: Math.round(width / 2), channels: 3, background: `#${unique().slice(0, 6).replace(/[^0-9a-f]/g, '0')}` } }).png().toBuffer(),
    filename: 'p.png',
  });
  if (alt) await updateMediaText(admin, '', id, { altText: alt, caption: '', credit: '' });
  return id;
}

describe('site settings', () => {
  it('start from the environment', async () => {
    await db.delete(siteSettings);
    const settings = await getSiteSettings();
    expect(settings).toMatchObject({ name: site.name, timeZone: site.timeZone, logo: null, shareImage: null });
    expect(settings.description.length).toBeGreaterThan(10);
  });

  it('an admin renames the paper: saved, audited, the cache tag expired, and feeds and JSON-LD use it', async () => {
    const admin = await createUser({ role: 'admin' });
    await signInAs(admin.id);
    vi.mocked(revalidateTag).mockClear();
    const result = await save(valid);
    expect(result).toMatchObject({ ok: true });
    expect(vi.mocked(revalidateTag)).toHaveBeenCalledWith('site-settings', { expire: 0 });
    const settings = await getSiteSettings();
    expect(settings).toMatchObject({ name: 'The Harbour Light', tagline: 'Since 1887' });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.updated')).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ actorId: admin.id, details: { after: { name: 'The Harbour Light' } } });
    expect(await buildRssFeed(null)).toContain('<title>The Harbour Light</title>');
    expect(newsArticleJsonLd({ slug: 'x', headline: 'x', deck: '', tags: [], bylines: [], corrections: [], section: { name: 'x' }, publishedAt: new Date(), modifiedAt: new Date() } as never, settings).publisher.name).toBe('The Harbour Light');
    expect(await save(valid)).toMatchObject({ ok: true, message: 'Nothing changed.' });
  });

  it('refuses what does not fit, field by field, and keeps what was typed', async () => {
    await signInAs((await createUser({ role: 'admin' })).id);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ name: '' }, 'name', /at least 2/],
      [{ name: 'x'.repeat(81) }, 'name', /at most 80/],
      [{ name: 'Two\nlines' }, 'name', /line breaks/],
      [{ tagline: 'y'.repeat(121) }, 'tagline', /at most 120/],
      [{ description: 'short' }, 'description', /at least 10/],
      [{ logoId: 'not-a-picture' }, 'logoId', /media library/],
      [{ logoId: '00000000-0000-4000-8000-000000000000' }, 'logoId', /no longer in the media library/],
    ];
    for (const [change, field, message] of cases) {
      const result = await save({ ...valid, ...change });
      expect(result, field).toMatchObject({ ok: false, code: 'invalid' });
      if (!result.ok) {
        expect(result.fieldErrors?.[field]?.join(' '), field).toMatch(message);
        expect(result.values?.description).toBe(change.description ?? valid.description);
      }
    }
  });

  it('takes a logo and share image from the library; a share image needs alt text and width', async () => {
    await signInAs((await createUser({ role: 'admin' })).id);
    const narrow = await picture(400, 'A narrow picture');
    const unnamed = await picture(800, '');
    const good = await picture(1300, 'The harbour at dawn');
    expect(await save({ ...valid, shareImageId: narrow })).toMatchObject({ ok: false, fieldErrors: { shareImageId: [expect.stringMatching(/600 pixels/)] } });
    expect(await save({ ...valid, shareImageId: unnamed })).toMatchObject({ ok: false, fieldErrors: { shareImageId: [expect.stringMatching(/alt text/)] } });
    expect(await save({ ...valid, logoId: narrow, shareImageId: good })).toMatchObject({ ok: true });
    const settings = await getSiteSettings();
    expect(settings.logo).toMatchObject({ id: narrow, width: 400 });
    expect(settings.shareImage).toMatchObject({ id: good, alt: 'The harbour at dawn', width: 1200 });
    expect(settings.shareImage?.path).toMatch(/^\/media\/.+\.png$/);
  });

  it('is for admins only', async () => {
    for (const role of ['reporter', 'editor'] as const) {
      await signInAs((await createUser({ role })).id);
      expect(await save({ ...valid, name: `Taken over ${role}` })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await getSiteSettings()).name).not.toMatch(/Taken over/);
  });
});
