import { asc, count, eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { articleRevisions, articles, users } from '@/db/schema';
import { createDatabase } from '@/scripts/lib/databases';
import { inject } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { demoFrontPage } from './front-page';
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

      // An editor-chosen front page: a lead and four ranked top stories, all published.
      const headline = { headline: articleRevisions.headline, status: articles.status };
      const onFront = db.select(headline).from(articles).innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId));
      expect(await onFront.where(eq(articles.isLead, true))).toEqual([{ headline: demoFrontPage.lead, status: 'published' }]);
      const top = await db.select(headline).from(articles).innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId)).where(isNotNull(articles.topRank)).orderBy(asc(articles.topRank));
      expect(top.map((row) => row.headline)).toEqual([...demoFrontPage.top]);
    } finally {
      await client.end();
    }
    // Seeding makes every demo picture and story: on a busy machine this takes a while.
  }, 180_000);
});
