import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { articleRevisions, articles, type Article, type ArticleRevision } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { can, ForbiddenError, type Actor, type ArticleAccess } from '@/lib/permissions';

export type StoryRecord = { article: Article; working: ArticleRevision; access: ArticleAccess };

/**
 * A story and its working copy (latest revision), locked for update when `forUpdate`:
 * every change to a story starts here, inside its transaction.
 */
export async function loadStory(tx: Executor, articleId: string, forUpdate = false): Promise<StoryRecord> {
  const query = tx.select().from(articles).where(eq(articles.id, articleId));
  const [article] = forUpdate ? await query.for('update') : await query;
  if (!article?.currentRevisionId) throw new ActionError('This story does not exist.', 'invalid');
  const [working] = await tx.select().from(articleRevisions).where(eq(articleRevisions.id, article.currentRevisionId));
  return {
    article,
    working: working!,
    access: { status: article.status, bylineIds: working!.bylineIds, createdBy: article.createdBy },
  };
}

/** Reporters see the stories they are on; editors and admins see every story. */
export function canView(actor: Actor, access: ArticleAccess): boolean {
  return can(actor, 'article.edit.any') || access.bylineIds.includes(actor.id) || access.createdBy === actor.id;
}

export function assertCanView(actor: Actor, access: ArticleAccess): void {
  if (!canView(actor, access)) throw new ForbiddenError('You can only open stories you are a byline on.');
}

/** Whether the actor may change the working copy now (editors: any story; reporters: their own drafts). */
export function canEdit(actor: Actor, access: ArticleAccess): boolean {
  return can(actor, 'article.edit.own', access);
}

export function assertCanEdit(actor: Actor, access: ArticleAccess): void {
  if (!canEdit(actor, access)) {
    throw new ForbiddenError(
      canView(actor, access)
        ? 'This story is with the editors now; you can edit it again if it is returned to you.'
        : 'You can only edit stories you are a byline on.',
    );
  }
}
