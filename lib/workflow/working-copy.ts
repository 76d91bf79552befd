import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { tags, users, type ArticleStatus, type DocNode } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import { assertCanView, canEdit, loadStory, type StoryRecord } from './story-record';
import { canTransition, TRANSITIONS, type TransitionName } from '@/lib/publishing/transitions';

export type WorkingCopy = {
  id: string;
  version: number;
  /** The working copy's revision (with `version`, what the editor is looking at). */
  revisionId: number;
  status: ArticleStatus;
  liveSlug: string | null;
  canEdit: boolean;
  transitions: TransitionName[];
  scheduledFor: Date | null;
  /** While scheduled: the revision that goes out when due. */
  scheduledRevisionId: number | null;
  lastSaved: { by: string | null; at: Date };
  draft: {
    headline: string;
    deck: string;
    slug: string;
    sectionId: number;
    tags: string[];
    bylineIds: string[];
    heroMediaId: string | null;
    seoTitle: string;
    seoDescription: string;
    embargoUntil: string | null;
    body: DocNode;
  };
};

/** The story as its editor page needs it, for someone allowed to see it. */
export async function getWorkingCopy(actor: Actor, articleId: string): Promise<WorkingCopy> {
  const story: StoryRecord = await loadStory(db, articleId);
  assertCanView(actor, story.access);
  const { article, working } = story;
  const [draft, [savedBy]] = await Promise.all([
    draftOfStory(story),
    db.select({ name: users.displayName }).from(users).where(eq(users.id, working.actorId ?? article.createdBy ?? '00000000-0000-0000-0000-000000000000')),
  ]);
  return {
    id: article.id,
    version: article.version,
    revisionId: working.id,
    status: article.status,
    liveSlug: article.firstPublishedAt ? article.slug : null,
    canEdit: canEdit(actor, story.access),
    transitions: (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => canTransition(actor, story, name)),
    scheduledFor: article.scheduledFor,
    scheduledRevisionId: article.status === 'scheduled' ? (article.scheduledRevisionId ?? working.id) : null,
    lastSaved: { by: savedBy?.name ?? null, at: working.createdAt },
    draft,
  };
}

/** A story's working copy as the editor's fields (no permission check: the caller has made it). */
export async function draftOfStory({ article, working }: StoryRecord): Promise<WorkingCopy['draft']> {
  const tagRows = working.tagIds.length ? await db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, working.tagIds)) : [];
  const tagName = new Map(tagRows.map((t) => [t.id, t.name]));
  return {
    headline: working.headline,
    deck: working.deck,
    slug: working.slug,
    sectionId: working.sectionId,
    tags: working.tagIds.flatMap((id) => tagName.get(id) ?? []),
    bylineIds: working.bylineIds,
    heroMediaId: working.heroMediaId,
    seoTitle: working.seoTitle,
    seoDescription: working.seoDescription,
    embargoUntil: article.embargoUntil?.toISOString() ?? null,
    body: working.body,
  };
}
