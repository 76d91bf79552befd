import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { articleRevisions, articles, slugRedirects } from '@/db/schema';
import { ActionError } from '@/lib/errors';

/**
 * Who else has a claim on an address: a story using it (live, withdrawn, or a draft not yet
 * published), a scheduled story that will go out under it, or a redirect from a story's
 * old address. Taking any of these would send readers, old links or a due story to the
 * wrong place.
 */
export type SlugOwner = 'story' | 'scheduled' | 'redirect';

/** Who other than `articleId` (a new story: anyone) owns `slug`, or null when it is free. */
export async function findSlugOwner(tx: Executor, slug: string, articleId?: string): Promise<SlugOwner | null> {
  const [story] = await tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), articleId ? ne(articles.id, articleId) : undefined))
    .limit(1);
  if (story) return 'story';
  const [scheduled] = await tx
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, sql`coalesce(${articles.scheduledRevisionId}, ${articles.currentRevisionId})`))
    .where(and(eq(articles.status, 'scheduled'), eq(articleRevisions.slug, slug), articleId ? ne(articles.id, articleId) : undefined))
    .limit(1);
  if (scheduled) return 'scheduled';
  const [redirect] = await tx
    .select({ id: slugRedirects.articleId })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.oldSlug, slug), articleId ? ne(slugRedirects.articleId, articleId) : undefined));
  return redirect ? 'redirect' : null;
}

const REFUSALS: Record<SlugOwner, { message: string; field: string }> = {
  story: { message: 'Another story already uses this address. Change the slug.', field: 'Already used by another story.' },
  scheduled: { message: 'A scheduled story will go out at this address. Change the slug.', field: 'A scheduled story will use it.' },
  redirect: { message: 'This address redirects old links to another story. Change the slug.', field: 'Redirects to another story.' },
};

/** Refuses an address someone else owns, with a message for the slug field. */
export async function assertSlugFree(tx: Executor, slug: string, articleId: string): Promise<void> {
  const owner = await findSlugOwner(tx, slug, articleId);
  if (owner) throw new ActionError(REFUSALS[owner].message, 'invalid', { slug: [REFUSALS[owner].field] });
}

/**
 * Serialises everything that makes an address live or moves one, for the rest of the
 * transaction: two stories publishing (or one scheduling) the same address one after the
 * other see each other's claim. Taken in one sorted call so two publishers cannot deadlock.
 */
export async function lockSlugs(tx: Executor, slugs: string[]): Promise<void> {
  for (const slug of [...new Set(slugs)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`article-slug:${slug}`}))`);
  }
}
