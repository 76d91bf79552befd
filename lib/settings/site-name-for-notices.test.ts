import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { siteSettings } from '@/db/schema';
import { tellExpiryListeners } from '@/lib/cache/expiry-listeners';
import { cacheTags } from '@/lib/cache/tags';
import { site } from '@/lib/config';
import { siteNameForNotices } from './site-name-for-notices';

// Counts the reads of this module's database, and can make them fail.
const database = vi.hoisted(() => ({ reads: 0, down: false }));
vi.mock('@/db/client', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/db/client')>();
  const db = new Proxy(real.db, {
    get(target, property) {
      if (property === 'select') {
        database.reads++;
        if (database.down) throw new Error('connection refused');
      }
      return Reflect.get(target, property);
    },
  });
  return { ...real, db };
});

const forget = () => tellExpiryListeners([cacheTags.siteSettings]);

afterEach(async () => {
  database.down = false;
  await db.delete(siteSettings);
  forget();
});

describe("the proxy's copy of the paper's name", () => {
  it('is read once, then answered from memory until the settings tag expires', async () => {
    forget();
    await db.insert(siteSettings).values({ key: 'name', value: 'The Evening Lamp' });
    database.reads = 0;
    expect(await siteNameForNotices()).toBe('The Evening Lamp');
    expect(await siteNameForNotices()).toBe('The Evening Lamp');
    expect(database.reads).toBe(1);
    await db.update(siteSettings).set({ value: 'The Morning Lamp' });
    forget();
    expect(await siteNameForNotices()).toBe('The Morning Lamp');
  });

  it("falls back to the environment's name when the database cannot answer, without asking again at once", async () => {
    forget();
    database.down = true;
    database.reads = 0;
    expect(await siteNameForNotices()).toBe(site.name);
    expect(await siteNameForNotices()).toBe(site.name);
    expect(database.reads).toBe(1);
  });
});
