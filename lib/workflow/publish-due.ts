import 'server-only';
import { and, eq, lte, notInArray } from 'drizzle-orm';
import { articles } from '@/db/schema';
import { applyDueTransition, type DueOutcome } from '@/lib/publishing/apply-transition';

/**
 * Publishes every scheduled story whose time has come, each exactly once even with several
 * app instances running this at the same moment: a story is claimed with
 * `FOR UPDATE SKIP LOCKED` and its status checked inside the claiming transaction. Stories
 * overdue because the app was down are published on the first run after it starts.
 *
 * One story that cannot go out never holds up the others: its publication runs in a
 * savepoint, and any failure sends it back to review with a note instead
 * (lib/publishing/apply-transition.ts).
 */
export async function publishDueStories(now = new Date()): Promise<string[]> {
  const published: string[] = [];
  // Stories that failed even to be sent back (the database refused both): left for the next run.
  const stuck: string[] = [];
  for (;;) {
    const claim: { id?: string } = {};
    let outcome: DueOutcome | null;
    try {
      outcome = await applyDueTransition(async (tx) => {
        const [due] = await tx
          .select({ id: articles.id })
          .from(articles)
          .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledFor, now), stuck.length ? notInArray(articles.id, stuck) : undefined))
          .orderBy(articles.scheduledFor)
          .limit(1)
          .for('update', { skipLocked: true });
        claim.id = due?.id;
        return due?.id ?? null;
      }, now);
    } catch (error) {
      if (!claim.id) throw error;
      console.error(`Scheduled story ${claim.id} could not be published or sent back to review`, error);
      stuck.push(claim.id);
      continue;
    }
    if (!outcome) break;
    if (outcome.published) published.push(outcome.id);
  }
  return published;
}
