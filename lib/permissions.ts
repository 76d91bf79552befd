import 'server-only';
import type { ArticleStatus, UserRole } from '@/db/schema';

/** Everything a person can be allowed to do. */
export const CAPABILITIES = [
  'article.create',
  'article.edit.own',
  'article.edit.any',
  'article.submit',
  'article.request_changes',
  'article.publish',
  'article.unpublish',
  'article.correct',
  'article.feature',
  'article.note',
  'article.share_preview',
  'media.upload',
  'media.edit',
  /** Caption, credit and alt text of a picture readers see (in a published or scheduled story). */
  'media.edit_live',
  'media.delete',
  /** Post and edit one's own updates on a live blog one is a byline on (when editors allow). */
  'live.post',
  /** Start and end live coverage, post on any live blog, pin, delete any update, set polling. */
  'live.manage',
  'banner.manage',
  'users.manage',
  'sections.manage',
  /** The paper's name, tagline, description, logo and share image. */
  'settings.manage',
  'audit.view',
  'account.own',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const REPORTER: Capability[] = [
  'article.create',
  'article.edit.own',
  'article.submit',
  'article.note',
  'media.upload',
  'media.edit',
  'live.post',
  'account.own',
];
const EDITOR: Capability[] = [
  ...REPORTER,
  'article.edit.any',
  'article.request_changes',
  'article.publish',
  'article.unpublish',
  'article.correct',
  'article.feature',
  'article.share_preview',
  'media.edit_live',
  'media.delete',
  'live.manage',
  'banner.manage',
];
const ADMIN: Capability[] = [...EDITOR, 'users.manage', 'sections.manage', 'settings.manage', 'audit.view'];

/** The one map from role to capabilities. */
export const ROLE_CAPABILITIES: Record<UserRole, ReadonlySet<Capability>> = {
  reporter: new Set(REPORTER),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

export type Actor = { id: string; role: UserRole };
/** What a capability about one story needs to know of it. */
export type ArticleAccess = { status: ArticleStatus; bylineIds: string[]; createdBy: string | null };

/** Stories a reporter may still change: before review, or returned with notes. */
export const REPORTER_EDITABLE: ReadonlySet<ArticleStatus> = new Set(['draft', 'changes_requested']);

/**
 * Whether `actor` may do `capability`, to `article` when given. Reporters edit and submit
 * only stories they are a byline on (or started), and only while those are drafts or
 * returned; editors and admins may edit any story.
 */
export function can(actor: Actor | null, capability: Capability, article?: ArticleAccess): boolean {
  if (!actor) return false;
  const granted = ROLE_CAPABILITIES[actor.role];
  if (capability === 'article.edit.own' || capability === 'article.submit') {
    if (!granted.has(capability)) return false;
    if (!article) return true;
    if (capability === 'article.edit.own' && granted.has('article.edit.any')) return true;
    const isOwn = article.bylineIds.includes(actor.id) || (article.bylineIds.length === 0 && article.createdBy === actor.id);
    return isOwn && REPORTER_EDITABLE.has(article.status);
  }
  return granted.has(capability);
}

export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

export function assertCan(actor: Actor | null, capability: Capability, article?: ArticleAccess): void {
  if (!can(actor, capability, article)) throw new ForbiddenError();
}
