import 'server-only';
import { and, eq } from 'drizzle-orm';
import { readerDb } from '@/db/client';
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

const shared = globalThis as unknown as { mastheadLiveSlugs?: Map<string, { id: string; at: number }> };
const remembered = (shared.mastheadLiveSlugs ??= new Map());

/** The story's id when `/articles/<slug>` is one readers may see (for its CDN keys), else null. */
export async function findLiveArticleId(slug: string): Promise<string | null> {
  const known = remembered.get(slug);
  if (known !== undefined && Date.now() - known.at < REMEMBER_MS) return known.id;
  if (slug.length > 300) return null;
  const [row] = await readerDb
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), isPublic()))
    .limit(1);
  remembered.delete(slug);
  if (!row) return null;
  remembered.set(slug, { id: row.id, at: Date.now() });
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return row.id;
}
