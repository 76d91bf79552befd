import 'server-only';
import { and, eq, lte } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles, editorialNotes } from '@/db/schema';
import { makeRevisionLive } from '@/lib/articles/make-revision-live';
import { recordAudit } from '@/lib/audit';
import { revalidateStory } from '@/lib/cache-invalidation';
import { editorIds, notifyPeople } from './notify';
import { loadStory } from './story-record';
import { assertReadyForReaders } from './transitions';

/**
 * Publishes every scheduled story whose time has come, each exactly once even with several
 * app instances running this at the same moment: a story is claimed with
 * `FOR UPDATE SKIP LOCKED` and its status checked inside the claiming transaction. Stories
 * overdue because the app was down are published on the first run after it starts.
 */
export async function publishDueStories(now = new Date()): Promise<string[]> {
  const published: string[] = [];
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledFor, now)))
        .orderBy(articles.scheduledFor)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return null;
      const story = await loadStory(tx, due.id, true);
      const { article, working } = story;
      const slugs = [article.slug, working.slug];
      if (article.embargoUntil && article.embargoUntil > now) {
        // The embargo was moved after scheduling: go out when it lifts, not before.
        await tx.update(articles).set({ scheduledFor: article.embargoUntil }).where(eq(articles.id, article.id));
        return { id: article.id, slugs, live: false };
      }
      try {
        await assertReadyForReaders(tx, story, now);
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'It was not ready.';
        await tx.update(articles).set({ status: 'in_review', scheduledFor: null, submittedAt: now }).where(eq(articles.id, article.id));
        await tx.insert(editorialNotes).values({ articleId: article.id, authorId: null, body: `Could not go out at its scheduled time: ${reason}` });
        await notifyPeople(tx, [...working.bylineIds, ...(await editorIds(tx))], {
          kind: 'submitted',
          articleId: article.id,
          actorId: null,
          headline: working.headline,
          message: `Could not go out at its scheduled time: ${reason}`,
        });
        return { id: article.id, slugs, live: false };
      }
      await makeRevisionLive(tx, { articleId: article.id, revisionId: working.id, publishedAt: now, updatedAt: article.firstPublishedAt ? now : null });
      await recordAudit(tx, {
        actorId: null,
        action: 'article.published',
        targetType: 'article',
        targetId: article.id,
        details: { scheduledFor: article.scheduledFor?.toISOString(), by: 'schedule' },
      });
      await notifyPeople(tx, working.bylineIds, { kind: 'published', articleId: article.id, actorId: null, headline: working.headline });
      return { id: article.id, slugs: [...slugs, working.slug], live: true };
    });
    if (!outcome) break;
    await revalidateStory({ id: outcome.id, slugs: outcome.slugs });
    if (outcome.live) published.push(outcome.id);
  }
  return published;
}
