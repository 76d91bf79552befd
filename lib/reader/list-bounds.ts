import 'server-only';
import { sql } from 'drizzle-orm';
import { readerReadOnlyDb } from '@/db/client';
import { readerListEntries, sections, tags, users } from '@/db/schema';
import { onTagsExpired } from '@/lib/cache/expiry-listeners';
import { cacheTags } from '@/lib/cache/tags';
import { PAGE_SIZE } from './lists';

export type ListKind = 'sections' | 'authors' | 'tags';

/**
 * How many pages a reader list has (0: there is no such section, author or topic), so the
 * proxy can answer an unknown list or a `?page=` past the end with a 404 before anything
 * renders. Rendered pages are cached per address, so without this check `?page=2` …
 * `?page=9999999` of every list, and every made-up slug, would each render once and each
 * take a cache entry on disk.
 *
 * Remembered for a few seconds per list (at most MAX_REMEMBERED lists), so paging through a
 * busy list costs one indexed query per list per few seconds. Forgotten at once when the
 * published lists change, so a story's new last page never answers 404.
 */
const REMEMBER_MS = 5_000;
const MAX_REMEMBERED = 2_000;

type Remembered = { pages: number; at: number };
const shared = globalThis as unknown as { mastheadListPages?: Map<string, Remembered> };
const remembered = (shared.mastheadListPages ??= new Map());

onTagsExpired('list-bounds', (expired) => {
  if (expired.includes(cacheTags.publishedLists)) remembered.clear();
});

export async function countListPages(kind: ListKind, slug: string): Promise<number> {
  const key = `${kind}/${slug}`;
  const known = remembered.get(key);
  if (known && Date.now() - known.at < REMEMBER_MS) return known.pages;
  const pages = await countPages(kind, slug);
  remembered.delete(key);
  remembered.set(key, { pages, at: Date.now() });
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return pages;
}

async function countPages(kind: ListKind, slug: string): Promise<number> {
  const owner =
    kind === 'sections'
      ? sql`select 'section:' || ${sections.id} as key from ${sections} where ${sections.slug} = ${slug}`
      : kind === 'authors'
        ? sql`select 'author:' || ${users.id} as key from ${users} where ${users.slug} = ${slug} and ${users.active}`
        : sql`select 'tag:' || ${tags.id} as key from ${tags} where ${tags.slug} = ${slug}`;
  const [list] = await readerReadOnlyDb().execute<{ newest: number | null }>(sql`
    select (select max(${readerListEntries.position}) from ${readerListEntries} where ${readerListEntries.listKey} = owner.key) as newest
    from (${owner}) owner`);
  if (!list) return 0;
  // An existing list with no stories still has its first page ("nothing published yet").
  return Math.max(1, Math.ceil((list.newest ?? 0) / PAGE_SIZE));
}
