import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { editorialNotes, users } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/permissions';
import { assertCanView, loadStory } from './story-record';

export type NoteView = { id: number; body: string; kind: 'note' | 'changes_requested' | 'unpublished'; by: string | null; createdAt: Date };

/** The staff-only thread on a story, oldest first. */
export async function findNotes(actor: Actor, articleId: string): Promise<NoteView[]> {
  const story = await loadStory(db, articleId);
  assertCanView(actor, story.access);
  return db
    .select({ id: editorialNotes.id, body: editorialNotes.body, kind: editorialNotes.kind, by: users.displayName, createdAt: editorialNotes.createdAt })
    .from(editorialNotes)
    .leftJoin(users, eq(users.id, editorialNotes.authorId))
    .where(eq(editorialNotes.articleId, articleId))
    .orderBy(asc(editorialNotes.createdAt), asc(editorialNotes.id));
}

export async function addNote(actor: Actor, articleId: string, body: string): Promise<void> {
  assertCan(actor, 'article.note');
  const story = await loadStory(db, articleId);
  assertCanView(actor, story.access);
  if (!body.trim()) throw new ActionError('Write a note first.', 'invalid', { body: ['Required.'] });
  await db.insert(editorialNotes).values({ articleId, authorId: actor.id, body: body.trim() });
}
