import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { corrections, sections, tags, users } from '@/db/schema';
import type { ArticleViewModel } from '@/components/site/article-view';
import { imagesIn } from '@/lib/content/sanitize-document';
import { findReaderImages } from '@/lib/reader/images';
import type { Actor } from '@/lib/permissions';
import { articleIdFromPreviewToken } from './preview-links';
import { assertCanView, loadStory } from './story-record';

/** The working copy in the reader's article template. No permission check: see the callers. */
async function buildPreview(articleId: string): Promise<ArticleViewModel & { status: string }> {
  const { article, working } = await loadStory(db, articleId);
  const [[section], people, tagRows, correctionRows, images] = await Promise.all([
    db.select({ slug: sections.slug, name: sections.name }).from(sections).where(eq(sections.id, working.sectionId)),
    working.bylineIds.length ? db.select({ id: users.id, name: users.displayName, slug: users.slug }).from(users).where(inArray(users.id, working.bylineIds)) : [],
    working.tagIds.length ? db.select({ slug: tags.slug, name: tags.name }).from(tags).where(inArray(tags.id, working.tagIds)) : [],
    db.select({ id: corrections.id, body: corrections.body, createdAt: corrections.createdAt }).from(corrections).where(eq(corrections.articleId, articleId)).orderBy(asc(corrections.createdAt)),
    findReaderImages([working.heroMediaId, ...imagesIn(working.body)], db),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return {
    status: article.status,
    headline: working.headline,
    deck: working.deck,
    section: section ?? { slug: '', name: '' },
    bylines: working.bylineIds.flatMap((id) => {
      const person = byId.get(id);
      return person ? [{ name: person.name, slug: person.slug }] : [];
    }),
    publishedAt: article.firstPublishedAt,
    updatedAt: null,
    wordCount: working.wordCount,
    hero: working.heroMediaId ? (images.get(working.heroMediaId) ?? null) : null,
    body: working.body,
    bodyImages: Object.fromEntries(images),
    tags: tagRows,
    corrections: correctionRows,
  };
}

/** For staff who may see the story. */
export async function getPreviewForStaff(actor: Actor, articleId: string) {
  const story = await loadStory(db, articleId);
  assertCanView(actor, story.access);
  return buildPreview(articleId);
}

/** For a preview link that is open now: that one story, nothing else. */
export async function getPreviewForToken(token: string) {
  const articleId = await articleIdFromPreviewToken(token);
  if (!articleId) return null;
  try {
    return await buildPreview(articleId);
  } catch {
    return null;
  }
}
