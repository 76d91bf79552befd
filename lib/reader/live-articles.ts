import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles } from '@/db/schema';
import { isPublic } from './summaries';

/**
 * Whether `/articles/<slug>` is a story readers may see, so the proxy can answer a made-up
 * slug with a 404 before anything renders: each rendered address is cached on disk, so
 * without this, requests for random slugs would fill the disk one "not found" page at a time.
 *
 * Only "yes" is remembered (for a minute, for the most recently asked stories), so a story
 * published a moment ago is never refused, and a live story's readers never wait on the
 * database. A story withdrawn meanwhile is answered by the proxy's withdrawn-address
 * snapshot first, and by the page itself otherwise.
 */
const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 10_000;

const shared = globalThis as unknown as { mastheadLiveSlugs?: Map<string, number> };
const remembered = (shared.mastheadLiveSlugs ??= new Map());

export async function isLiveArticleSlug(slug: string): Promise<boolean> {
  const at = remembered.get(slug);
  if (at !== undefined && Date.now() - at < REMEMBER_MS) return true;
  if (slug.length > 300) return false;
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublic()))
    .limit(1);
  remembered.delete(slug);
  if (!row) return false;
  remembered.set(slug, Date.now());
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return true;
}
