import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { articles, corrections, editorialNotes, media, type Article, type ArticleRevision, type ArticleStatus } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { makeRevisionLive } from '@/lib/articles/make-revision-live';
import { assertSlugFree, lockSlugs } from '@/lib/articles/slug-ownership';
import { takeArticleDown } from '@/lib/articles/take-article-down';
import { recordAudit, type AuditAction } from '@/lib/audit';
import { revalidateStory } from '@/lib/cache/expire';
import { imagesIn } from '@/lib/content/sanitize-document';
import { formatPublishedTime } from '@/lib/dates';
import { can, ForbiddenError, type Actor, type Capability } from '@/lib/permissions';
import { editorIds, notifyPeople } from './notify';
import { loadStory, type StoryRecord } from './story-record';

export type TransitionName =
  | 'submit'
  | 'request_changes'
  | 'publish'
  | 'schedule'
  | 'unschedule'
  | 'unpublish'
  | 'publish_update'
  | 'add_correction';

/** The workflow: from which statuses each step may be taken, by whom. Nothing else changes a status. */
export const TRANSITIONS: Record<TransitionName, { from: readonly ArticleStatus[]; capability: Capability; audit: AuditAction }> = {
  submit: { from: ['draft', 'changes_requested'], capability: 'article.submit', audit: 'article.submitted' },
  request_changes: { from: ['in_review'], capability: 'article.request_changes', audit: 'article.changes_requested' },
  publish: { from: ['draft', 'in_review', 'changes_requested', 'scheduled', 'unpublished'], capability: 'article.publish', audit: 'article.published' },
  schedule: { from: ['draft', 'in_review', 'changes_requested', 'scheduled', 'unpublished'], capability: 'article.publish', audit: 'article.scheduled' },
  unschedule: { from: ['scheduled'], capability: 'article.publish', audit: 'article.unscheduled' },
  unpublish: { from: ['published'], capability: 'article.unpublish', audit: 'article.unpublished' },
  publish_update: { from: ['published'], capability: 'article.publish', audit: 'article.update_published' },
  add_correction: { from: ['published'], capability: 'article.correct', audit: 'article.corrected' },
};

/**
 * Steps that put the working copy in front of readers. Each carries the story version the
 * editor was looking at, so what goes out is what they reviewed: a save that landed after
 * they loaded the story (someone else's, or a take-over) is refused, never published unseen.
 */
const PINNED: ReadonlySet<TransitionName> = new Set(['publish', 'schedule', 'publish_update']);

/** A pinned step refused because the working copy is newer than the one the editor saw. */
export class StoryChangedError extends ActionError {
  constructor() {
    super('This story changed since you opened it — review the changes.', 'conflict');
  }
}

export type TransitionInput = {
  /** For publish, schedule and publish_update (required): the story version the editor saw. */
  expectedVersion?: number;
  /** Required for request_changes (the note), unpublish (the reason) and add_correction (its text). */
  text?: string;
  /** For schedule: when the story goes live. */
  scheduledFor?: Date;
  /** For publish_update: a minor fix leaves the reader-visible "Updated" time alone. */
  minor?: boolean;
};

const STATUS_NAMES: Record<ArticleStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  changes_requested: 'returned to its reporter',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
};

/** Whether a step is possible for this person on this story now (for showing buttons). */
export function canTransition(actor: Actor, story: Pick<StoryRecord, 'access'>, name: TransitionName): boolean {
  const step = TRANSITIONS[name];
  return step.from.includes(story.access.status) && can(actor, step.capability, story.access);
}

/** Everything a story needs before readers may see `revision` of it. */
export async function assertReadyForReaders(
  tx: Executor,
  { article, revision: working }: { article: Article; revision: ArticleRevision },
  goingLiveAt: Date,
): Promise<void> {
  if (!working.headline.trim()) throw new ActionError('Give the story a headline before it goes out.');
  if (working.bylineIds.length === 0) throw new ActionError('Add a byline before the story goes out.');
  if (article.embargoUntil && article.embargoUntil > goingLiveAt) {
    throw new ActionError(`This story is under embargo until ${formatPublishedTime(article.embargoUntil)}. It cannot go out before then.`);
  }
  const pictures = [...new Set([...(working.heroMediaId ? [working.heroMediaId] : []), ...imagesIn(working.body)])];
  if (pictures.length > 0) {
    // Shared locks: a caption or alt-text change waits for this to commit (and then sees the
    // story as live), or this waits for it (and sees the new text).
    const rows = await tx.select({ id: media.id, altText: media.altText }).from(media).where(inArray(media.id, pictures)).for('share');
    if (rows.length !== pictures.length) throw new ActionError('A picture in this story is no longer in the media library.');
    if (rows.some((row) => !row.altText.trim())) {
      throw new ActionError('Every picture needs alt text before the story goes out. Add it in the media library.');
    }
  }
  await assertSlugFree(tx, working.slug, article.id);
}

/**
 * Takes one workflow step, inside one transaction: checks the person's permission and the
 * story's current status, applies the change, writes the audit event and notifications,
 * then expires the reader caches the change touches.
 */
export async function runTransition(actor: Actor, ip: string, articleId: string, name: TransitionName, input: TransitionInput = {}) {
  const step = TRANSITIONS[name];
  const slugs = new Set<string>();
  const result = await db.transaction(async (tx) => {
    const story = await loadStory(tx, articleId, true);
    const { article, working, access } = story;
    if (!can(actor, step.capability, access)) throw new ForbiddenError();
    if (!step.from.includes(article.status)) {
      throw new ActionError(`This story is ${STATUS_NAMES[article.status]}, so it cannot be changed that way. Reload to see its current state.`, 'conflict');
    }
    if (PINNED.has(name) && input.expectedVersion !== article.version) {
      throw new StoryChangedError();
    }
    const ready = (at: Date) => assertReadyForReaders(tx, { article, revision: working }, at);
    const now = new Date();
    const notice = { articleId, actorId: actor.id, headline: working.headline };
    slugs.add(article.slug).add(working.slug);

    switch (name) {
      case 'submit':
        await tx.update(articles).set({ status: 'in_review', submittedAt: now }).where(eq(articles.id, articleId));
        if (input.text) await tx.insert(editorialNotes).values({ articleId, authorId: actor.id, body: input.text });
        await notifyPeople(tx, await editorIds(tx, actor.id), { ...notice, kind: 'submitted' });
        break;
      case 'request_changes':
        if (!input.text?.trim()) throw new ActionError('Write a note saying what needs to change.', 'invalid', { text: ['Required.'] });
        await tx.update(articles).set({ status: 'changes_requested' }).where(eq(articles.id, articleId));
        await tx.insert(editorialNotes).values({ articleId, authorId: actor.id, kind: 'changes_requested', body: input.text.trim() });
        await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'changes_requested', message: input.text.trim() });
        break;
      case 'publish': {
        await ready(now);
        // Back after a withdrawal: readers see it as published again now; "Published" keeps the first time.
        await makeRevisionLive(tx, { articleId, revisionId: working.id, publishedAt: now, updatedAt: article.firstPublishedAt ? now : null });
        await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'published' });
        break;
      }
      case 'schedule': {
        const at = input.scheduledFor;
        if (!at || Number.isNaN(at.getTime())) throw new ActionError('Choose when the story should go out.', 'invalid', { scheduledFor: ['Required.'] });
        if (at.getTime() <= now.getTime()) throw new ActionError('Choose a time in the future.', 'invalid', { scheduledFor: ['Must be in the future.'] });
        // The address is claimed from now until it goes out; claim it under the same lock as publishing.
        await lockSlugs(tx, [working.slug]);
        await ready(at);
        // What goes out when due is this revision, the one the editor approved (see docs/decisions.md).
        await tx.update(articles).set({ status: 'scheduled', scheduledFor: at, scheduledRevisionId: working.id }).where(eq(articles.id, articleId));
        await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'scheduled', message: `Goes out ${formatPublishedTime(at)}.` });
        break;
      }
      case 'unschedule':
        await tx.update(articles).set({ status: 'in_review', scheduledFor: null, scheduledRevisionId: null }).where(eq(articles.id, articleId));
        break;
      case 'unpublish': {
        const reason = input.text?.trim();
        if (!reason) throw new ActionError('Give the reason for taking the story down.', 'invalid', { text: ['Required.'] });
        await takeArticleDown(tx, articleId, reason, now);
        await tx.insert(editorialNotes).values({ articleId, authorId: actor.id, kind: 'unpublished', body: reason });
        await notifyPeople(tx, working.bylineIds, { ...notice, kind: 'unpublished', message: reason });
        break;
      }
      case 'publish_update':
        await ready(now);
        await makeRevisionLive(tx, {
          articleId,
          revisionId: working.id,
          publishedAt: article.publishedAt ?? now,
          updatedAt: input.minor ? article.updatedAt : now,
        });
        break;
      case 'add_correction': {
        const text = input.text?.trim();
        if (!text) throw new ActionError('Write the correction.', 'invalid', { text: ['Required.'] });
        await tx.insert(corrections).values({ articleId, body: text, createdBy: actor.id, createdAt: now });
        break;
      }
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: step.audit,
      targetType: 'article',
      targetId: articleId,
      ip,
      details: { from: article.status, ...(input.scheduledFor ? { scheduledFor: input.scheduledFor.toISOString() } : {}), ...(input.minor ? { minor: true } : {}) },
    });
    const [after] = await tx.select({ status: articles.status, slug: articles.slug }).from(articles).where(and(eq(articles.id, articleId)));
    slugs.add(after!.slug);
    return after!;
  });
  await revalidateStory({ id: articleId, slugs: [...slugs] });
  return result;
}
