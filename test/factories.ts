import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { markupToDocument } from '@/db/seed/markup';
import {
  articleRevisions,
  articles,
  sections,
  tags,
  users,
  type ArticleStatus,
  type UserRole,
} from '@/db/schema';
import { makeRevisionLive } from '@/lib/publishing/make-revision-live';
import { takeArticleDown } from '@/lib/publishing/take-article-down';
import { countWords, documentText } from '@/lib/content/document';

/** A short unique suffix, so tests never collide on one shared database. */
export const unique = () => randomUUID().slice(0, 8);

/**
 * A client address no other test uses (198.18.0.0/15, the benchmarking range, 131,072 of
 * them): sign-in throttles count per address in the shared database.
 */
export const freshAddress = () => {
  const n = randomBytes(3).readUIntBE(0, 3) % 131_072;
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
};

/** A test slug from a name: lowercase, every run of other characters one hyphen. */
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export async function createUser(params: { role?: UserRole; name?: string; active?: boolean } = {}) {
  const id = unique();
  const [user] = await db
    .insert(users)
    .values({
      email: `person-${id}@example.test`,
      displayName: params.name ?? `Person ${id}`,
      slug: `person-${id}`,
      role: params.role ?? 'reporter',
      active: params.active ?? true,
    })
    .returning();
  return user!;
}

export async function createSection(name = `Section ${unique()}`) {
  const [section] = await db
    .insert(sections)
    .values({ name, slug: slugOf(name) })
    .returning();
  return section!;
}

export async function createTag(name = `Tag ${unique()}`) {
  const [tag] = await db
    .insert(tags)
    .values({ name, slug: slugOf(name) })
    .returning();
  return tag!;
}

export type CreateArticleParams = {
  /** 'unpublished' stories are published first, then taken down, as in real life. */
  status?: ArticleStatus;
  headline?: string;
  deck?: string;
  body?: string[];
  sectionId?: number;
  authorIds?: string[];
  tagIds?: number[];
  publishedAt?: Date;
  embargoUntil?: Date | null;
};

/** A story in any status; published ones go live through the same code the workflow's door uses. */
export async function createArticle(params: CreateArticleParams = {}) {
  const sectionId = params.sectionId ?? (await createSection()).id;
  const authorIds = params.authorIds ?? [(await createUser()).id];
  const headline = params.headline ?? `Story ${unique()}`;
  const slug = `${slugOf(headline).slice(0, 60)}-${unique()}`;
  const body = markupToDocument(params.body ?? ['A first paragraph.', 'A second paragraph.']);
  const bodyText = documentText(body);
  const [article] = await db.insert(articles).values({ slug, sectionId, createdBy: authorIds[0] }).returning();
  const [revision] = await db
    .insert(articleRevisions)
    .values({
      articleId: article!.id,
      headline,
      deck: params.deck ?? `Deck of ${headline}`,
      slug,
      sectionId,
      body,
      bodyText,
      wordCount: countWords(bodyText),
      bylineIds: authorIds,
      tagIds: params.tagIds ?? [],
      reason: 'save',
      baseVersion: 1,
      actorId: authorIds[0],
    })
    .returning();
  await db.update(articles).set({ currentRevisionId: revision!.id }).where(eq(articles.id, article!.id));
  const status = params.status ?? 'draft';
  if (status === 'published' || status === 'unpublished') {
    await makeRevisionLive(db, {
      articleId: article!.id,
      revisionId: revision!.id,
      publishedAt: params.publishedAt ?? new Date(),
      updatedAt: null,
    });
    if (status === 'unpublished') await takeArticleDown(db, article!.id, 'Withdrawn in a test');
    // Test data is made directly; the workflow changes a status only through lib/publishing/apply-transition.ts.
    await db.update(articles).set({ status }).where(eq(articles.id, article!.id));
  } else {
    await db.update(articles).set({ status }).where(eq(articles.id, article!.id));
  }
  if (params.embargoUntil !== undefined) {
    await db.update(articles).set({ embargoUntil: params.embargoUntil }).where(eq(articles.id, article!.id));
  }
  return { id: article!.id, slug, headline, sectionId, authorIds, revisionId: revision!.id };
}
