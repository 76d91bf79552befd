import 'server-only';
import { and, eq, lte, notInArray } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { articleRevisions, articles, editorialNotes } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { makeRevisionLive } from '@/lib/articles/make-revision-live';
import { recordAudit } from '@/lib/audit';
import { revalidateStory } from '@/lib/cache/expire';
import { editorIds, notifyPeople } from './notify';
import { loadStory } from './story-record';
import { assertReadyForReaders } from './transitions';

type Outcome = { id: string; slugs: string[]; live: boolean };

/**
 * Publishes every scheduled story whose time has come, each exactly once even with several
 * app instances running this at the same moment: a story is claimed with
 * `FOR UPDATE SKIP LOCKED` and its status checked inside the claiming transaction. Stories
 * overdue because the app was down are published on the first run after it starts.
 *
 * One story that cannot go out never holds up the others: its publication runs in a
 * savepoint, and any failure sends it back to review with a note instead.
 */
export async function publishDueStories(now = new Date()): Promise<string[]> {
  const published: string[] = [];
  // Stories that failed even to be sent back (the database refused both): left for the next run.
  const stuck: string[] = [];
  for (;;) {
    const claim: { id?: string } = {};
    let outcome: Outcome | null;
    try {
      outcome = await db.transaction(async (tx) => {
        const [due] = await tx
          .select({ id: articles.id })
          .from(articles)
          .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledFor, now), stuck.length ? notInArray(articles.id, stuck) : undefined))
          .orderBy(articles.scheduledFor)
          .limit(1)
          .for('update', { skipLocked: true });
        if (!due) return null;
        claim.id = due.id;
        return publishOrSendBack(tx, due.id, now);
      });
    } catch (error) {
      if (!claim.id) throw error;
      console.error(`Scheduled story ${claim.id} could not be published or sent back to review`, error);
      stuck.push(claim.id);
      continue;
    }
    if (!outcome) break;
    await revalidateStory({ id: outcome.id, slugs: outcome.slugs }).catch((error) => console.error('Cache expiry failed', error));
    if (outcome.live) published.push(outcome.id);
  }
  return published;
}

async function publishOrSendBack(tx: Executor, articleId: string, now: Date): Promise<Outcome> {
  const { article, working } = await loadStory(tx, articleId, true);
  // The revision the editor approved when scheduling (stories scheduled before that was kept: the working copy).
  const [revision] = await tx
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, article.scheduledRevisionId ?? working.id), eq(articleRevisions.articleId, articleId)));
  const slugs = [article.slug, working.slug, ...(revision ? [revision.slug] : [])];
  if (article.embargoUntil && article.embargoUntil > now) {
    // The embargo was moved after scheduling: go out when it lifts, not before.
    await tx.update(articles).set({ scheduledFor: article.embargoUntil }).where(eq(articles.id, articleId));
    return { id: articleId, slugs, live: false };
  }
  try {
    if (!revision) throw new Error(`Scheduled revision ${article.scheduledRevisionId} of ${articleId} is missing.`);
    await tx.transaction(async (savepoint) => {
      await assertReadyForReaders(savepoint, { article, revision }, now);
      await makeRevisionLive(savepoint, { articleId, revisionId: revision.id, publishedAt: now, updatedAt: article.firstPublishedAt ? now : null });
      await recordAudit(savepoint, {
        actorId: null,
        action: 'article.published',
        targetType: 'article',
        targetId: articleId,
        details: { scheduledFor: article.scheduledFor?.toISOString(), by: 'schedule', revisionId: revision.id },
      });
      await notifyPeople(savepoint, revision.bylineIds, { kind: 'published', articleId, actorId: null, headline: revision.headline });
    });
    return { id: articleId, slugs, live: true };
  } catch (error) {
    // A refusal says what to fix; anything else is logged in full and summarised for the newsroom.
    if (!(error instanceof ActionError)) console.error(`Publishing scheduled story ${articleId} failed`, error);
    const reason = error instanceof ActionError ? error.message : 'Something went wrong while publishing it (the details are in the server log). Try publishing it again.';
    const message = `Could not go out at its scheduled time: ${reason}`;
    await tx.update(articles).set({ status: 'in_review', scheduledFor: null, scheduledRevisionId: null, submittedAt: now }).where(eq(articles.id, articleId));
    await tx.insert(editorialNotes).values({ articleId, authorId: null, body: message });
    await notifyPeople(tx, [...working.bylineIds, ...(await editorIds(tx))], { kind: 'submitted', articleId, actorId: null, headline: working.headline, message });
    await recordAudit(tx, { actorId: null, action: 'article.schedule_failed', targetType: 'article', targetId: articleId, details: { scheduledFor: article.scheduledFor?.toISOString(), reason } });
    return { id: articleId, slugs, live: false };
  }
}
