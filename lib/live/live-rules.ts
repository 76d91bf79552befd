import 'server-only';
import { can, ForbiddenError, type Actor, type ArticleAccess } from '@/lib/permissions';

/** What the rules need to know of a live blog. */
export type BlogAccess = { ended: boolean; reportersMayPost: boolean; story: ArticleAccess };

/** Whether `actor` may post on this blog: editors always, reporters on the byline when editors allow. */
export function canPostOn(actor: Actor, blog: BlogAccess): boolean {
  if (can(actor, 'live.manage')) return true;
  return can(actor, 'live.post') && blog.reportersMayPost && blog.story.bylineIds.includes(actor.id);
}

/** Editors change any update; a reporter only their own, and only while they may still post. */
export function canChangeUpdate(actor: Actor, blog: BlogAccess, update: { createdBy: string | null }): boolean {
  if (can(actor, 'live.manage')) return true;
  return canPostOn(actor, blog) && update.createdBy === actor.id;
}

export function assertCanPostOn(actor: Actor, blog: BlogAccess): void {
  if (!canPostOn(actor, blog)) {
    throw new ForbiddenError(
      can(actor, 'live.post') && blog.story.bylineIds.includes(actor.id)
        ? 'Editors have not opened this live blog to reporters.'
        : 'Only editors and reporters on the byline can post on this live blog.',
    );
  }
}

export function assertCanChangeUpdate(actor: Actor, blog: BlogAccess, update: { createdBy: string | null }): void {
  if (!canChangeUpdate(actor, blog, update)) throw new ForbiddenError('You can only change your own updates.');
}

/** Slowest and fastest polling editors may set, in seconds. */
export const POLL_SECONDS = { min: 5, max: 120, default: 10 } as const;

/** Updates per reader page. */
export const UPDATES_PER_PAGE = 20;
