import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { isSessionLive } from '@/lib/auth/session-revocation';
import { ActionError } from '@/lib/errors';
import { canEdit, canView, loadStory } from '@/lib/workflow/story-record';

/** What a person may do in a story's shared document: type, watch, or nothing ('ended': their session is over). */
export type CollabAccess = 'edit' | 'read' | 'none' | 'ended';

export type CollabSession = { userId: string; sid: string; sessionVersion: number | null };

/**
 * The one check behind every collaboration connection, when its token is issued and again
 * every few seconds while it is open: the session must still be live (not signed out,
 * not revoked, the person active), and the story's rules decide between typing and
 * watching (a reporter watches their story while it is with the editors). A database
 * error is thrown, never taken for an answer: callers refuse, or keep a connection read-only.
 */
export async function collabAccessOf(session: CollabSession, articleId: string): Promise<CollabAccess> {
  const live = await isSessionLive({ userId: session.userId, sid: session.sid, authTime: 0, sessionVersion: session.sessionVersion ?? undefined });
  if (!live) return 'ended';
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, session.userId));
  if (!user) return 'none';
  let story;
  try {
    story = await loadStory(db, articleId);
  } catch (error) {
    // No such story: nothing to open. Any other failure is not an answer: the caller fails closed.
    if (error instanceof ActionError) return 'none';
    throw error;
  }
  if (canEdit(user, story.access)) return 'edit';
  return canView(user, story.access) ? 'read' : 'none';
}

/** A stable colour per person for their caret and selection (#rrggbb, as Tiptap's caret needs). */
export function collabColorOf(userId: string): string {
  const palette = ['#b91c1c', '#1d4ed8', '#047857', '#7c3aed', '#c2410c', '#0e7490', '#be185d', '#4d7c0f'];
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}
