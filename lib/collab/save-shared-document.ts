import 'server-only';
import { inArray } from 'drizzle-orm';
import type * as Y from 'yjs';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/permissions';
import { saveStory } from '@/lib/workflow/save-story';
import { storyFieldsSchema } from '@/lib/workflow/story-fields';
import { canEdit, loadStory } from '@/lib/workflow/story-record';
import { draftOfStory } from '@/lib/workflow/working-copy';
import { draftOfDocument, type SharedDraft } from './story-document';

export type SharedSaveOutcome =
  | { status: 'saved'; version: number; revisionId: number; savedAt: string }
  | { status: 'invalid'; message: string; fieldErrors?: Record<string, string[]> }
  /** Nobody who typed may edit the story now (e.g. it went to review meanwhile). */
  | { status: 'skipped' };

/**
 * Saves a story's shared document as its working copy, through the same domain function
 * every save goes through (validation, word count, search text, slug checks), as an
 * autosave by the last contributor who may still edit, recording everyone who typed.
 */
export async function saveSharedDocument(articleId: string, doc: Y.Doc, contributorIds: string[]): Promise<SharedSaveOutcome> {
  if (contributorIds.length === 0) return { status: 'skipped' };
  const parsed = storyFieldsSchema.safeParse(draftOfDocument(doc));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? 'body')] ??= []).push(issue.message);
    return { status: 'invalid', message: 'Not saved — check the fields.', fieldErrors };
  }
  const story = await loadStory(db, articleId);
  const people = await db.select({ id: users.id, role: users.role, active: users.active }).from(users).where(inArray(users.id, contributorIds));
  const actor = [...contributorIds].reverse().map((id) => people.find((p) => p.id === id)).find((p) => p?.active && canEdit(p, story.access));
  if (!actor) return { status: 'skipped' };
  try {
    const outcome = await saveStory({ actor, ip: '', articleId, fields: parsed.data, reason: 'autosave', contributorIds });
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
