import { db } from '@/db/client';
import { loadStory } from '@/lib/workflow/story-record';
import { storyFieldsSchema } from '@/lib/workflow/story-fields';

export const actorOf = (user: { id: string; role: 'reporter' | 'editor' | 'admin' }) => ({ id: user.id, role: user.role });

/** A story's working copy as the story editor would send it back, with some fields changed. */
export async function fieldsOf(articleId: string, change: Record<string, unknown> = {}) {
  const { working } = await loadStory(db, articleId);
  return storyFieldsSchema.parse({
    headline: working.headline,
    deck: working.deck,
    slug: working.slug,
    sectionId: working.sectionId,
    bylineIds: working.bylineIds,
    heroMediaId: working.heroMediaId,
    body: working.body,
    ...change,
  });
}

/** The version an editor's page would hold after loading the story now. */
export async function versionOf(articleId: string): Promise<number> {
  return (await loadStory(db, articleId)).article.version;
}
