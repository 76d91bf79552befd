import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { announceStoryChanged } from '@/lib/collab/announce';
import { articleRevisions, articles, corrections, editorialNotes, type Article, type ArticleStatus } from '@/db/schema';
import { lockSlugs } from '@/lib/articles/slug-ownership';
import { recordAudit } from '@/lib/audit/record-audit';
import { revalidateStory } from '@/lib/cache/expire';
import { formatPublishedTime } from '@/lib/site-time';
import { ActionError } from '@/lib/errors';
import { can, ForbiddenError, type Actor } from '@/lib/permissions';
import { editorIds, notifyPeople } from '@/lib/workflow/notify';
import { loadStory, type StoryRecord } from '@/lib/workflow/story-record';
import { assertReadyForReaders } from './assert-ready-for-readers';
import { makeRevisionLive } from './make-revision-live';
import { takeArticleDown } from './take-article-down';
import { PINNED, STATUS_NAMES, StoryChangedError, TRANSITIONS, type TransitionInput, type TransitionName } from './transitions';

/*
 * The one door for a story's status. Every change of `articles.status`, of the reader lists
 * and of the audit trail and reader caches that go with it happens here, for people (the
 * workflow buttons, through lib/actions/publishing.ts) and for the scheduler alike.
 * test: lib/publishing/one-door.test.ts.
 */

type Changed = { articleId: string; slugs: Set<string> };

/**
 * Takes one workflow step for a person, inside one transaction: checks their permission
 * (from TRANSITIONS) and the story's current status, applies the change, writes the audit
 * event and notifications, then expires the reader caches the change touches.
 */
export async function applyTransition(actor: Actor, ip: string, articleId: string, name: TransitionName, input: TransitionInput = {}) {
  const step = TRANSITIONS[name];
  const changed: Changed = { articleId, slugs: new Set() };
  const result = await db.transaction(async (tx) => {
    const story = await loadStory(tx, articleId, true);
    const { article, working } = story;
    if (!can(actor, step.capability, story.access)) throw new ForbiddenError();
    if (!step.from.includes(article.status)) {
      throw new ActionError(`This story is ${STATUS_NAMES[article.status]}, so it cannot be changed that way. Reload to see its current state.`, 'conflict');
    }
    if (PINNED.has(name) && input.expectedVersion !== article.version) throw new StoryChangedError();
    changed.slugs.add(article.slug).add(working.slug);

    await takeStep(tx, story, actor, name, input);
    await recordAudit(tx, {
      actorId: actor.id,
      action: step.audit,
      targetType: 'article',
      targetId: articleId,
      ip,
      details: { from: article.status, ...(input.scheduledFor ? { scheduledFor: input.scheduledFor.toISOString() } : {}), ...(input.minor ? { minor: true } : {}) },
    });
    const [after] = await tx.select({ status: articles.status, slug: articles.slug }).from(articles).where(eq(articles.id, articleId));
    changed.slugs.add(after!.slug);
    return after!;
  });
  await expireReaderCaches(changed);
  // Everyone in the story sees the new state at once (and loses typing if it forbids them).
  await announceStoryChanged(articleId);
  return result;
}

async function takeStep(tx: Executor, { article, working }: StoryRecord, actor: Actor, name: TransitionName, input: TransitionInput) {
  const articleId = article.id;
  const now = new Date();
  const ready = (at: Date) => assertReadyForReaders(tx, { article, revision: working }, at);
  const notice = { articleId, actorId: actor.id, headline: working.headline };
  switch (name) {
    case 'submit':
      await setStatus(tx, articleId, 'in_review', { submittedAt: now });
      if (input.text) await tx.insert(editorialNotes).values({ articleId, authorId: actor.id, body: input.text });
      await notifyPeople(tx, await editorIds(tx, actor.id), { ...notice, kind: 'submitted' });
      return;
    case 'request_changes': {
      const note = input.text?.trim();
      if (!note) throw new ActionError('Write a note saying what needs to change.', 'invalid', { text: ['Required.'] });
      await setStatus(tx, articleId, 'changes_requested');
      await tx.insert(editorialNotes).values({ articleId, authorId: actor.id, kind: 'changes_requested', body: note });
      await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'changes_requested', message: note });
      return;
    }
    case 'publish':
      await ready(now);
      // Back after a withdrawal: readers see it as published again now; "Published" keeps the first time.
      await goLive(tx, article, working.id, now, article.firstPublishedAt ? now : null);
      await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'published' });
      return;
    case 'schedule': {
      const at = input.scheduledFor;
      if (!at || Number.isNaN(at.getTime())) throw new ActionError('Choose when the story should go out.', 'invalid', { scheduledFor: ['Required.'] });
      if (at.getTime() <= now.getTime()) throw new ActionError('Choose a time in the future.', 'invalid', { scheduledFor: ['Must be in the future.'] });
      // The address is claimed from now until it goes out; claim it under the same lock as publishing.
      await lockSlugs(tx, [working.slug]);
      await ready(at);
      // What goes out when due is this revision, the one the editor approved (see docs/decisions.md).
      await setStatus(tx, articleId, 'scheduled', { scheduledFor: at, scheduledRevisionId: working.id });
      await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'scheduled', message: `Goes out ${formatPublishedTime(at)}.` });
      return;
    }
    case 'unschedule':
      await setStatus(tx, articleId, 'in_review', { scheduledFor: null, scheduledRevisionId: null });
      return;
    case 'unpublish': {
      const reason = input.text?.trim();
      if (!reason) throw new ActionError('Give the reason for taking the story down.', 'invalid', { text: ['Required.'] });
      await setStatus(tx, articleId, 'unpublished');
      await takeArticleDown(tx, articleId, reason, now);
      await tx.insert(editorialNotes).values({ articleId, authorId: actor.id, kind: 'unpublished', body: reason });
      await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'unpublished', message: reason });
      return;
    }
    case 'publish_update':
      await ready(now);
      await goLive(tx, article, working.id, article.publishedAt ?? now, input.minor ? article.updatedAt : now);
      return;
    case 'add_correction': {
      const text = input.text?.trim();
      if (!text) throw new ActionError('Write the correction.', 'invalid', { text: ['Required.'] });
      await tx.insert(corrections).values({ articleId, body: text, createdBy: actor.id, createdAt: now });
      return;
    }
  }
}

export type DueOutcome = { id: string; published: boolean };

/**
 * The scheduler's way through the door: inside one transaction, `claim` picks (and locks)
 * the next due story, which then goes out as the editor approved it, or, when it cannot,
 * goes back to review with a note saying why. Null when nothing is due.
 */
export async function applyDueTransition(claim: (tx: Executor) => Promise<string | null>, now: Date): Promise<DueOutcome | null> {
  const changed: Changed = { articleId: '', slugs: new Set() };
  const outcome = await db.transaction(async (tx) => {
    const articleId = await claim(tx);
    if (!articleId) return null;
    changed.articleId = articleId;
    return publishOrSendBack(tx, articleId, now, changed.slugs);
  });
  if (outcome) await expireReaderCaches(changed);
  return outcome;
}

async function publishOrSendBack(tx: Executor, articleId: string, now: Date, slugs: Set<string>): Promise<DueOutcome> {
  const { article, working } = await loadStory(tx, articleId, true);
  if (article.status !== 'scheduled') throw new Error(`Story ${articleId} was claimed for publishing but is ${article.status}.`);
  // The revision the editor approved when scheduling (stories scheduled before that was kept: the working copy).
  const [revision] = await tx
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.id, article.scheduledRevisionId ?? working.id), eq(articleRevisions.articleId, articleId)));
  slugs.add(article.slug).add(working.slug);
  if (revision) slugs.add(revision.slug);
  if (article.embargoUntil && article.embargoUntil > now) {
    // The embargo was moved after scheduling: go out when it lifts, not before.
    await tx.update(articles).set({ scheduledFor: article.embargoUntil }).where(eq(articles.id, articleId));
    return { id: articleId, published: false };
  }
  try {
    if (!revision) throw new Error(`Scheduled revision ${article.scheduledRevisionId} of ${articleId} is missing.`);
    // A savepoint: when going out fails, what it wrote is undone and the story is sent back instead.
    await tx.transaction(async (savepoint) => {
      await assertReadyForReaders(savepoint, { article, revision }, now);
      await goLive(savepoint, article, revision.id, now, article.firstPublishedAt ? now : null);
      await recordAudit(savepoint, {
        actorId: null,
        action: 'article.published',
        targetType: 'article',
        targetId: articleId,
        details: { scheduledFor: article.scheduledFor?.toISOString(), by: 'schedule', revisionId: revision.id },
      });
      await notifyPeople(savepoint, revision.bylineIds, { kind: 'published', articleId, actorId: null, headline: revision.headline });
    });
    return { id: articleId, published: true };
  } catch (error) {
    // A refusal says what to fix; anything else is logged in full and summarised for the newsroom.
    if (!(error instanceof ActionError)) console.error(`Publishing scheduled story ${articleId} failed`, error);
    const reason = error instanceof ActionError ? error.message : 'Something went wrong while publishing it (the details are in the server log). Try publishing it again.';
    const message = `Could not go out at its scheduled time: ${reason}`;
    await setStatus(tx, articleId, 'in_review', { scheduledFor: null, scheduledRevisionId: null, submittedAt: now });
    await tx.insert(editorialNotes).values({ articleId, authorId: null, body: message });
    await notifyPeople(tx, [...working.bylineIds, ...(await editorIds(tx))], { kind: 'submitted', articleId, actorId: null, headline: working.headline, message });
    await recordAudit(tx, { actorId: null, action: 'article.schedule_failed', targetType: 'article', targetId: articleId, details: { scheduledFor: article.scheduledFor?.toISOString(), reason } });
    return { id: articleId, published: false };
  }
}

/** The one statement that changes a story's status. */
async function setStatus(tx: Executor, articleId: string, status: ArticleStatus, fields: Partial<typeof articles.$inferInsert> = {}) {
  await tx.update(articles).set({ ...fields, status }).where(eq(articles.id, articleId));
}

async function goLive(tx: Executor, article: Article, revisionId: number, publishedAt: Date, updatedAt: Date | null) {
  await makeRevisionLive(tx, { articleId: article.id, revisionId, publishedAt, updatedAt });
  await setStatus(tx, article.id, 'published');
}

/**
 * After the commit. The change is made by then, so a failure here is logged rather than
 * reported as a failed step; the caches still expire on their own schedule.
 */
async function expireReaderCaches({ articleId, slugs }: Changed): Promise<void> {
  await revalidateStory({ id: articleId, slugs: [...slugs] }).catch((error) => console.error('Cache expiry failed', error));
}
