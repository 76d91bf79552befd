import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { articles, users } from '@/db/schema';
import { createDatabase } from '@/scripts/lib/databases';
import { inject } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoContent } from './seed-demo-content';

describe('demo seed', () => {
  it('fills an empty database once, with stories in every workflow state', async () => {
    const url = await createDatabase({
      serverUrl: inject('serverUrl'),
      name: `${inject('databasePrefix')}_seed`,
      replace: true,
    });
    await migrateDatabase(url);
    const { db, client } = connect(url, { max: 2 });
    try {
      expect(await seedDemoContent(db)).toBe(true);
      expect(await seedDemoContent(db)).toBe(false);

      const byStatus = await db.select({ status: articles.status, n: count() }).from(articles).groupBy(articles.status);
      const counts = Object.fromEntries(byStatus.map((row) => [row.status, row.n]));
      expect(counts.published).toBeGreaterThanOrEqual(40);
      for (const status of ['draft', 'in_review', 'changes_requested', 'scheduled', 'unpublished']) {
        expect(counts[status], status).toBeGreaterThan(0);
      }
      const [editor] = await db.select().from(users).where(eq(users.email, 'editor@example.com'));
      expect(editor?.role).toBe('editor');
      expect(editor?.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await client.end();
    }
    // Seeding makes every demo picture and story: on a busy machine this takes a while.
  }, 180_000);
});
