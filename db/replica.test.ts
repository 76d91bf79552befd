import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { findListPage } from '@/lib/reader/lists';
import { applyTransition } from '@/lib/publishing/apply-transition';
import { loadStory } from '@/lib/workflow/story-record';
import { onTagsExpired } from '@/lib/cache/expiry-listeners';
import { postgresServerBin, startReplicaPair, type ReplicaPair } from '@/scripts/lib/replica-pair';
import { createArticle, createUser } from '@/test/factories';
import { actorOf, versionOf } from '@/test/stories';
import { db, readerDb, replicaDb } from './client';
import { tags } from './schema';

/**
 * Against a real streaming replica (initdb + pg_basebackup -R, started here): reader pages
 * read from it, the newsroom and the workflow from the primary, and a change's caches are
 * expired only once the replica has it. Pausing the replica's replay shows which server
 * answered: the replica cannot see what the primary has not sent it yet.
 */
const DATABASE = 'masthead_replica_test';
let pair: ReplicaPair;
let primary: postgres.Sql;
let replica: postgres.Sql;

describe.skipIf(!postgresServerBin())('with DATABASE_REPLICA_URL', () => {
  beforeAll(async () => {
    pair = await startReplicaPair();
    primary = postgres(pair.primaryUrl('postgres'), { max: 1, onnotice: () => {} });
    replica = postgres(pair.replicaUrl('postgres'), { max: 1, onnotice: () => {} });
    await primary.unsafe(`create database ${DATABASE}`);
    await migrateDatabase(pair.primaryUrl(DATABASE));
    await replayedEverything();
    // The app's pools open on first use, so they open on these two servers.
    process.env.DATABASE_URL = pair.primaryUrl(DATABASE);
    process.env.DATABASE_REPLICA_URL = pair.replicaUrl(DATABASE);
  }, 120_000);

  /**
   * The standby replays the migration a moment after the primary commits it; a test that
   * reads (or pauses replay) before then finds no tables at all ("relation does not exist").
   */
  async function replayedEverything() {
    const [{ lsn }] = await primary<[{ lsn: string }]>`select pg_current_wal_lsn()::text as lsn`;
    const deadline = Date.now() + 30_000;
    while (!(await replica`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as replayed`)[0]?.replayed) {
      if (Date.now() > deadline) throw new Error(`The replica has not replayed the migration (${lsn}) after 30 s`);
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  afterAll(async () => {
    const client = (handle: unknown) => (handle as { $client: postgres.Sql } | null)?.$client;
    await Promise.all([primary?.end(), replica?.end(), client(db)?.end(), client(replicaDb())?.end()]);
    pair?.stop();
  });

  it('reads reader pages from the replica and the newsroom from the primary, and writes to the primary', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review' });
    await replica`select pg_wal_replay_pause()`;
    try {
      await applyTransition(editor, '192.0.2.50', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
      // The editor's newsroom (primary) has it at once; the paused replica does not.
      expect((await loadStory(db, story.id)).article.status).toBe('published');
      expect(await getPublishedArticleBySlug(story.slug)).toBeNull();
      expect((await findListPage('all', 1)).items.map((item) => item.id)).not.toContain(story.id);
      // Through the reader handle, a write still goes to the primary (a standby refuses writes).
      const name = `Replica ${story.id.slice(0, 8)}`;
      await readerDb.insert(tags).values({ name, slug: name.toLowerCase().replace(' ', '-') });
      expect(await db.select({ id: tags.id }).from(tags).where(eq(tags.name, name))).toHaveLength(1);
    } finally {
      await replica`select pg_wal_replay_resume()`;
    }
    await expect.poll(async () => (await getPublishedArticleBySlug(story.slug))?.id, { timeout: 5_000 }).toBe(story.id);
    expect((await replica`select pg_is_in_recovery() as standby`)[0]?.standby).toBe(true);
  });

  it('holds back the expiry while the replica lags, so no cache is refilled from before the change', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review' });
    // What a reader refilling the cache gets at the instant the story's tags expire.
    const readAtExpiry: Promise<string | null>[] = [];
    onTagsExpired('replica-test', (expired) => {
      if (expired.includes(`article:${story.id}`)) readAtExpiry.push(getPublishedArticleBySlug(story.slug).then((article) => article?.id ?? null));
    });
    await replica`select pg_wal_replay_pause()`;
    let publishing: Promise<unknown> | undefined;
    try {
      publishing = applyTransition(editor, '192.0.2.50', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
      // Committed on the primary, the replica lagging behind: the expiry must not have happened yet.
      await expect.poll(async () => (await loadStory(db, story.id)).article.status, { timeout: 1_000, interval: 20 }).toBe('published');
      await new Promise((done) => setTimeout(done, 300));
      expect(readAtExpiry).toHaveLength(0);
    } finally {
      await replica`select pg_wal_replay_resume()`;
      await publishing;
      onTagsExpired('replica-test', () => {});
    }
    expect(readAtExpiry.length).toBeGreaterThan(0);
    expect(await readAtExpiry[0]).toBe(story.id);
  });

  it('with replay running, readers see every publish and unpublish the moment the action returns', async () => {
    const editor = actorOf(await createUser({ role: 'editor' }));
    const story = await createArticle({ status: 'in_review' });
    for (let round = 0; round < 5; round++) {
      await applyTransition(editor, '192.0.2.50', story.id, 'publish', { expectedVersion: await versionOf(story.id) });
      // The moment the editor's action returns (caches expired), the replica answers with the change.
      expect(await getPublishedArticleBySlug(story.slug), `publish ${round}`).not.toBeNull();
      expect((await findListPage('all', 1)).items.map((item) => item.id), `publish ${round}`).toContain(story.id);
      await applyTransition(editor, '192.0.2.50', story.id, 'unpublish', { expectedVersion: await versionOf(story.id), text: 'Replica test.' });
      expect(await getPublishedArticleBySlug(story.slug), `unpublish ${round}`).toBeNull();
      expect((await findListPage('all', 1)).items.map((item) => item.id), `unpublish ${round}`).not.toContain(story.id);
    }
  });
});
