import 'server-only';
import type { ArticleStatus } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/record-audit';
import { ActionError } from '@/lib/errors';
import { can, type Actor, type ArticleAccess, type Capability } from '@/lib/permissions';

export type TransitionName =
  | 'submit'
  | 'request_changes'
  | 'publish'
  | 'schedule'
  | 'unschedule'
  | 'unpublish'
  | 'publish_update'
  | 'add_correction';

/**
 * The workflow: from which statuses each step may be taken, by whom. The capability here is
 * the only one: the server actions take theirs from this table. Steps are taken only through
 * lib/publishing/apply-transition.ts.
 */
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
export const PINNED: ReadonlySet<TransitionName> = new Set(['publish', 'schedule', 'publish_update']);

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

export const STATUS_NAMES: Record<ArticleStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  changes_requested: 'returned to its reporter',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
};

/** Whether a step is possible for this person on this story now (for showing buttons). */
export function canTransition(actor: Actor, story: { access: ArticleAccess }, name: TransitionName): boolean {
  const step = TRANSITIONS[name];
  return step.from.includes(story.access.status) && can(actor, step.capability, story.access);
}
