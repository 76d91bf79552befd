import 'server-only';
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/permissions';
import { saveStory } from '@/lib/workflow/save-story';
import { storyFieldsSchema } from '@/lib/workflow/story-fields';
import { loadStory } from '@/lib/workflow/story-record';
import { draftOfStory } from '@/lib/workflow/working-copy';
import type { SettledEdits } from './edit-ledger';
import { draftOfDocument, type SharedDraft } from './story-document';

export type SharedSaveOutcome =
  | { status: 'saved'; version: number; revisionId: number; savedAt: string }
  | { status: 'invalid'; message: string; fieldErrors?: Record<string, string[]> }
  /** Nobody typed, or nobody who typed may edit the story now (e.g. it went to review meanwhile). */
  | { status: 'skipped' };

/**
 * Saves a story's shared document as its working copy, through the same domain function
 * every save goes through (validation, word count, search text, slug checks), as an
 * autosave by `actor`, recording everyone who typed. The caller has just checked every
 * contributor's access against the database (`settleEdits`); the actor's role and activity
 * are read again here and `saveStory` checks their right to edit inside its transaction,
 * so a save never rests on access remembered from an earlier check. Content that fails the
 * story's rules (no headline, a slug another story uses) never becomes the working copy.
 */
export async function saveSharedDocument(articleId: string, doc: Y.Doc, { actor: author, contributorIds }: SettledEdits): Promise<SharedSaveOutcome> {
  if (!author) return { status: 'skipped' };
  const parsed = storyFieldsSchema.safeParse(draftOfDocument(doc));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? 'body')] ??= []).push(issue.message);
    return { status: 'invalid', message: 'Not saved — check the fields.', fieldErrors };
  }
  const [actor] = await db.select({ id: users.id, role: users.role, active: users.active }).from(users).where(eq(users.id, author.userId));
  if (!actor?.active) return { status: 'skipped' };
  try {
    const outcome = await saveStory({ actor, ip: '', articleId, fields: parsed.data, reason: 'autosave', contributorIds: [...new Set([...contributorIds, actor.id])] });
    if (outcome.status !== 'saved') return { status: 'skipped' };
    return { status: 'saved', version: outcome.version, revisionId: outcome.revisionId, savedAt: outcome.savedAt.toISOString() };
  } catch (error) {
    if (error instanceof ActionError) return { status: 'invalid', message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof ForbiddenError) return { status: 'skipped' };
    throw error;
  }
}

/** The story's working copy as a shared draft, with its revision id and status (the server's own read). */
export async function loadWorkingDraft(articleId: string): Promise<{ draft: SharedDraft; revisionId: number; status: string; version: number }> {
  const story = await loadStory(db, articleId);
  return { draft: await draftOfStory(story), revisionId: story.working.id, status: story.article.status, version: story.article.version };
}
