import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { articleRevisions, articles, media, sections, tags, users } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { assertSlugFree, findSlugOwner, lockSlugs } from '@/lib/articles/slug-ownership';
import { recordAudit } from '@/lib/audit/record-audit';
import { countWords, documentText, storyWordCount } from '@/lib/content/document';
import { slugify } from '@/lib/content/slug';
import { assertCan, type Actor } from '@/lib/permissions';
import type { StoryFields } from './story-fields';
import { assertCanEdit, loadStory } from './story-record';

/** Autosaves within this long of the last one by the same person refresh it instead of piling up. */
const AUTOSAVE_COALESCE_MS = 5 * 60_000;

export type SaveOutcome = { status: 'saved'; version: number; revisionId: number; savedAt: Date; slug: string };

async function resolveTagIds(tx: Executor, names: string[]): Promise<number[]> {
  const wanted = [...new Map(names.map((name) => [slugify(name), name])).entries()].filter(([slug]) => slug);
  if (wanted.length === 0) return [];
  await tx
    .insert(tags)
    .values(wanted.map(([slug, name]) => ({ slug, name })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, wanted.map(([slug]) => slug)));
  const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
  return wanted.map(([slug]) => bySlug.get(slug)!);
}

/** Checks the references in a working copy; returns the slug to store. */
async function checkReferences(tx: Executor, articleId: string, fields: StoryFields): Promise<string> {
  const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, fields.sectionId));
  if (!section) throw new ActionError('Choose a section.', 'invalid', { sectionId: ['Choose a section.'] });
  const authors = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, fields.bylineIds), eq(users.active, true)));
  if (authors.length !== new Set(fields.bylineIds).size) {
    throw new ActionError('Bylines must be active staff.', 'invalid', { bylineIds: ['Bylines must be active staff.'] });
  }
  if (fields.heroMediaId) {
    const [picture] = await tx.select({ id: media.id }).from(media).where(eq(media.id, fields.heroMediaId));
    if (!picture) throw new ActionError('That picture is no longer in the library.', 'invalid', { heroMediaId: ['Not found.'] });
  }
  const slug = fields.slug || slugify(fields.headline) || 'story';
  // Checked again when the story goes out (lib/publishing/make-revision-live.ts); here so the
  // person sees it by the field while writing.
  await assertSlugFree(tx, slug, articleId);
  return slug;
}

export type SaveStoryParams = {
  actor: Actor;
  ip: string;
  articleId: string;
  fields: StoryFields;
  reason: 'autosave' | 'save';
  /** Everyone whose typing is in this save (default: the actor). */
  contributorIds?: string[];
};

/**
 * Saves the working copy: what the collaboration server derives from a story's shared
 * document. There is no version check: the shared document already holds everyone's edits
 * (issue 15 replaced the refused-stale-save machinery), so nothing can be stale against it.
 */
export async function saveStory(params: SaveStoryParams): Promise<SaveOutcome> {
  const { actor, articleId, fields, reason } = params;
  const contributorIds = [...new Set(params.contributorIds ?? [actor.id])];
  return db.transaction(async (tx) => {
    const story = await loadStory(tx, articleId, true);
    assertCanEdit(actor, story.access);
    const slug = await checkReferences(tx, articleId, fields);
    const tagIds = await resolveTagIds(tx, fields.tags);
    const bodyText = documentText(fields.body);
    const snapshot = {
      articleId,
      headline: fields.headline,
      deck: fields.deck,
      slug,
      sectionId: fields.sectionId,
      body: fields.body,
      bodyText,
      wordCount: storyWordCount(fields),
      heroMediaId: fields.heroMediaId,
      bylineIds: fields.bylineIds,
      tagIds,
      seoTitle: fields.seoTitle,
      seoDescription: fields.seoDescription,
      baseVersion: story.article.version,
      actorId: actor.id,
      contributorIds,
    };

    // Never rewrite a revision readers see or one approved to go out at its scheduled time.
    const pinned = story.working.id === story.article.publishedRevisionId || story.working.id === story.article.scheduledRevisionId;
    const coalesce =
      !pinned &&
      reason === 'autosave' &&
      story.working.reason === 'autosave' &&
      (story.working.actorId === actor.id || params.contributorIds !== undefined) &&
      Date.now() - story.working.createdAt.getTime() < AUTOSAVE_COALESCE_MS;
    let revisionId = story.working.id;
    if (coalesce) {
      const everyone = [...new Set([...story.working.contributorIds, ...contributorIds])];
      await tx.update(articleRevisions).set({ ...snapshot, contributorIds: everyone }).where(eq(articleRevisions.id, story.working.id));
    } else {
      const [revision] = await tx.insert(articleRevisions).values({ ...snapshot, reason }).returning({ id: articleRevisions.id });
      revisionId = revision!.id;
    }
    const now = new Date();
    const neverPublished = story.article.firstPublishedAt === null;
    const [updated] = await tx
      .update(articles)
      .set({
        currentRevisionId: revisionId,
        version: sql`${articles.version} + 1`,
        lastEditedAt: now,
        embargoUntil: fields.embargoUntil,
        // Until a story has been public, its address follows the working copy.
        ...(neverPublished ? { slug, sectionId: fields.sectionId } : {}),
      })
      .where(eq(articles.id, articleId))
      .returning({ version: articles.version });
    return { status: 'saved', version: updated!.version, revisionId, savedAt: now, slug } as const;
  });
}

export type CreateStoryParams = { actor: Actor; ip: string; headline: string; sectionId: number };

/** Starts a story with the author as its byline; the editor opens on it. */
export async function createStory({ actor, ip, headline, sectionId }: CreateStoryParams): Promise<{ id: string }> {
  assertCan(actor, 'article.create');
  return db.transaction(async (tx) => {
    const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
    if (!section) throw new ActionError('Choose a section.', 'invalid', { sectionId: ['Choose a section.'] });
    const slug = await unclaimedSlug(tx, slugify(headline) || 'story');
    const [article] = await tx
      .insert(articles)
      .values({ slug, sectionId, createdBy: actor.id })
      .returning({ id: articles.id });
    const [revision] = await tx
      .insert(articleRevisions)
      .values({
        articleId: article!.id,
        headline,
        slug,
        sectionId,
        body: { type: 'doc', content: [{ type: 'paragraph' }] },
        bylineIds: [actor.id],
        reason: 'create',
        baseVersion: 1,
        actorId: actor.id,
        contributorIds: [actor.id],
        wordCount: countWords(headline),
      })
      .returning({ id: articleRevisions.id });
    await tx.update(articles).set({ currentRevisionId: revision!.id }).where(eq(articles.id, article!.id));
    await recordAudit(tx, { actorId: actor.id, action: 'article.created', targetType: 'article', targetId: article!.id, ip });
    return { id: article!.id };
  });
}

/**
 * A free address for a new story: the headline's, or it with a random suffix. The address
 * is locked for the rest of the transaction, so two people starting stories with the same
 * working headline at the same moment do not both get it.
 */
async function unclaimedSlug(tx: Executor, wanted: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? wanted : `${wanted.slice(0, 80)}-${randomBytes(3).toString('hex')}`;
    await lockSlugs(tx, [slug]);
    if (!(await findSlugOwner(tx, slug))) return slug;
  }
}
