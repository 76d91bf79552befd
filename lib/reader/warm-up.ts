import 'server-only';
import { database } from '@/lib/config';
import { runSearch, searchQuerySchema } from './search';

/**
 * Opens every connection of the reader pool when the server starts, each with one search, so
 * the first readers after a deploy do not pay for it. A new PostgreSQL connection loads the
 * text-search dictionary and the catalog entries of `articles` and its indexes on its first
 * search: the first searches a fresh server met took 100-190 ms at a million stories, against
 * 40-70 ms once warm (docs/performance.md). The word is one no story holds, so each search
 * costs only the sample of the newest stories and an empty index lookup.
 */
export async function warmReaderConnections(): Promise<void> {
  const query = searchQuerySchema.parse({ q: 'zqxwarmupzqx' });
  // At once: a transaction holds its connection, so the pool opens one for each.
  await Promise.allSettled(Array.from({ length: database.poolSize() }, () => runSearch(query)));
}
