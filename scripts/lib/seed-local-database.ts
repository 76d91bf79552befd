import { count } from 'drizzle-orm';
import { connect } from '@/db/client';
import { users } from '@/db/schema';
import { demoSeedRefusal } from '@/db/seed/demo-seed-guard';
import { seedDemoContent } from '@/db/seed/seed-demo-content';

export type SeedLocalDatabaseParams = { url: string; embedded: boolean; demoFlag: boolean; log?: (line: string) => void };
export type SeedOutcome = 'seeded' | 'has_accounts' | 'refused';

/**
 * For `npm run dev` / `npm run preview`: the demo newsroom goes into an empty database only
 * when demo-seed-guard.ts allows it; otherwise the reason is printed and nothing is written.
 */
export async function seedLocalDatabase({ url, embedded, demoFlag, log = console.log }: SeedLocalDatabaseParams): Promise<SeedOutcome> {
  const { db, client } = connect(url, { max: 1 });
  try {
    const [existing] = await db.select({ n: count() }).from(users);
    if (existing && existing.n > 0) return 'has_accounts';
    const refusal = demoSeedRefusal({ embedded, demoFlag, nodeEnv: process.env.NODE_ENV });
    if (refusal) {
      log(`\n  ${refusal}\n`);
      return 'refused';
    }
    await seedDemoContent(db);
    log('Seeded the demo newsroom.');
    return 'seeded';
  } finally {
    await client.end();
  }
}
