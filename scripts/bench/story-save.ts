/**
 * Filling a story in before it is published, as the collaboration server does when an
 * editor types: the domain save (`saveStory`, which lib/collab/save-shared-document.ts
 * calls) as the editor, with no base version. The newsroom has no server action for saving
 * any more (issue 15); what the bench times is the publish and the reading, not this.
 * Uses the app's database handle: DATABASE_URL must name the bench database.
 */
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { saveStory } from '@/lib/workflow/save-story';
import { storyFieldsSchema } from '@/lib/workflow/story-fields';
import type { StoryFields } from './bench-data';

export type SavedStory = { version: number; slug: string };

export async function saveAsEditor(userId: string, articleId: string, fields: StoryFields): Promise<SavedStory> {
  const [actor] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  if (!actor) throw new Error(`No user ${userId} to save story ${articleId} as.`);
  const outcome = await saveStory({ actor, ip: '127.0.0.1', articleId, fields: storyFieldsSchema.parse(fields), reason: 'save' });
  if (outcome.status !== 'saved') throw new Error(`Saving story ${articleId} was refused (${outcome.status}).`);
  return { version: outcome.version, slug: outcome.slug };
}
