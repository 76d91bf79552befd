import 'server-only';
import { eq } from 'drizzle-orm';
import { readerDb } from '@/db/client';
import { articles, slugRedirects } from '@/db/schema';
import { onTagsExpired } from '@/lib/cache/expiry-listeners';
import { cacheTags } from '@/lib/cache/tags';

/**
 * The few article addresses that are not simply "live or unknown": old slugs of moved
 * stories (301) and withdrawn stories (410). The proxy answers those from this in-memory
 * snapshot, so a reader's request for a live story never waits on the database. The
 * snapshot is reloaded every few seconds, and at once after a story's public state changes
 * on any instance (the cache's expiry of the published lists says so).
 */
type Snapshot = { moved: Map<string, string>; gone: Set<string>; loadedAt: number };

const REFRESH_MS = 5_000;
const shared = globalThis as unknown as { mastheadAddresses?: { snapshot?: Snapshot; loading?: Promise<Snapshot> } };
const state = (shared.mastheadAddresses ??= {});

async function load(): Promise<Snapshot> {
  const [withdrawn, redirects] = await Promise.all([
    readerDb
      .select({ slug: articles.slug })
      .from(articles)
      .where(eq(articles.status, 'unpublished')),
    readerDb
      .select({ oldSlug: slugRedirects.oldSlug, slug: articles.slug, status: articles.status, embargoUntil: articles.embargoUntil })
      .from(slugRedirects)
      .innerJoin(articles, eq(articles.id, slugRedirects.articleId)),
  ]);
  const gone = new Set(withdrawn.map((row) => row.slug));
  const moved = new Map<string, string>();
  for (const row of redirects) {
    const embargoed = row.embargoUntil && row.embargoUntil > new Date();
    if (row.status === 'published' && !embargoed) moved.set(row.oldSlug, row.slug);
    else if (row.status === 'unpublished') gone.add(row.oldSlug);
  }
  return { moved, gone, loadedAt: Date.now() };
}

async function snapshot(): Promise<Snapshot | undefined> {
  const current = state.snapshot;
  if (current && Date.now() - current.loadedAt < REFRESH_MS) return current;
  state.loading ??= load()
    .then((fresh) => (state.snapshot = fresh))
    .finally(() => (state.loading = undefined));
  try {
    return await state.loading;
  } catch {
    // Database unreachable: keep answering from what we knew, and let pages serve from cache.
    return current;
  }
}

export type AddressAnswer = { kind: 'moved'; slug: string } | { kind: 'gone' } | { kind: 'page' };

/** What the proxy should do with `/articles/<slug>`. */
export async function answerArticleAddress(slug: string): Promise<AddressAnswer> {
  const known = await snapshot();
  const target = known?.moved.get(slug);
  if (target) return { kind: 'moved', slug: target };
  if (known?.gone.has(slug)) return { kind: 'gone' };
  return { kind: 'page' };
}

onTagsExpired('article-addresses', (tags) => {
  if (tags.includes(cacheTags.publishedLists)) state.snapshot = undefined;
});
