import { count } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { users } from '@/db/schema';
import { demoSeedRefusal } from '@/db/seed/demo-seed-guard';
import { seedDemoContent } from '@/db/seed/seed-demo-content';
import { createDatabase } from './databases';
import { seedLocalDatabase } from './seed-local-database';

async function emptyDatabase(name: string) {
  const url = await createDatabase({ serverUrl: inject('serverUrl'), name: `${inject('databasePrefix')}_${name}`, replace: true });
  await migrateDatabase(url);
  return url;
}

async function accounts(url: string) {
  const { db, client } = connect(url, { max: 1 });
  try {
    return (await db.select({ n: count() }).from(users))[0]!.n;
  } finally {
    await client.end();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the demo seed of `npm run dev`', () => {
  it('leaves an empty DATABASE_URL alone unless --demo is given, and says why', async () => {
    const url = await emptyDatabase('own_db');
    const said: string[] = [];
    expect(await seedLocalDatabase({ url, embedded: false, demoFlag: false, log: (line) => said.push(line) })).toBe('refused');
    expect(await accounts(url)).toBe(0);
    expect(said.join('\n')).toMatch(/Not seeding the demo accounts into DATABASE_URL.*--demo/s);
    // (Seeding itself is tested in db/seed/seed-demo-content.test.ts.)
    expect(demoSeedRefusal({ embedded: false, demoFlag: true, nodeEnv: 'development' })).toBeNull();
  });

  it('never seeds with NODE_ENV=production, not even the embedded database or with --demo', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const url = await emptyDatabase('production');
    expect(await seedLocalDatabase({ url, embedded: true, demoFlag: true, log: () => {} })).toBe('refused');
    const { db, client } = connect(url, { max: 1 });
    try {
      await expect(seedDemoContent(db)).rejects.toThrow(/NODE_ENV is production/);
    } finally {
      await client.end();
    }
    expect(await accounts(url)).toBe(0);
  });

  it('seeds the embedded database without being asked', () => {
    expect(demoSeedRefusal({ embedded: true, demoFlag: false, nodeEnv: 'development' })).toBeNull();
    expect(demoSeedRefusal({ embedded: true, demoFlag: false, nodeEnv: undefined })).toBeNull();
  });
});
