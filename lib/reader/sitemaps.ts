import 'server-only';
import { and, desc, eq, gt, gte, lte, max, or, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb } from '@/db/client';
import { articleRevisions, articles, readerListEntries, users } from '@/db/schema';
import { absoluteUrl } from '@/lib/config';
import { getSiteSettings } from '@/lib/settings/site-settings';
import { cacheTags } from '@/lib/cache/tags';
import { isoInSiteZone } from '@/lib/site-time';
import { findSections } from './taxonomy';
import { isPublic } from './summaries';
import { xmlText } from './xml';

/** The sitemap protocol's limit per file. */
export const URLS_PER_SITEMAP = 50_000;
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

type Entry = { loc: string; lastmod?: Date };

const urlset = (entries: Entry[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n${entries
    .map((e) => `<url><loc>${xmlText(e.loc)}</loc>${e.lastmod ? `<lastmod>${isoInSiteZone(e.lastmod)}</lastmod>` : ''}</url>`)
    .join('\n')}\n</urlset>\n`;

async function countLiveStories(): Promise<number> {
  const [top] = await readerDb
    .select({ position: max(readerListEntries.position) })
    .from(readerListEntries)
    .where(eq(readerListEntries.listKey, 'all'));
  return top?.position ?? 0;
}

/** Front page, sections and authors. */
async function pageEntries(): Promise<Entry[]> {
  const sections = await findSections();
  const authors = await readerDb.select({ slug: users.slug }).from(users).where(eq(users.active, true));
  return [
    { loc: absoluteUrl('/') },
    { loc: absoluteUrl('/corrections') },
    ...sections.map((s) => ({ loc: absoluteUrl(`/sections/${s.slug}`) })),
    ...authors.map((a) => ({ loc: absoluteUrl(`/authors/${a.slug}`) })),
  ];
}

/** Stories numbered (from..to] in the 'all' list: one index range, however large the archive. */
async function storyEntries(from: number, to: number): Promise<Entry[]> {
  const rows = await readerDb
    .select({ slug: articles.slug, firstPublishedAt: articles.firstPublishedAt, updatedAt: articles.updatedAt })
    .from(readerListEntries)
    .innerJoin(articles, eq(articles.id, readerListEntries.articleId))
    .where(
      and(eq(readerListEntries.listKey, 'all'), gt(readerListEntries.position, from), lte(readerListEntries.position, to), isPublic()),
    )
    .orderBy(desc(readerListEntries.position));
  return rows.map((row) => ({ loc: absoluteUrl(`/articles/${row.slug}`), lastmod: row.updatedAt ?? row.firstPublishedAt ?? undefined }));
}

/**
 * `/sitemap.xml`: one urlset while the site has fewer than 50,000 addresses, then a
 * sitemap index of `/sitemaps/<n>.xml` files (number 0 holds the section and author pages).
 */
export async function buildSitemap(perFile = URLS_PER_SITEMAP): Promise<string> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.publishedLists, cacheTags.sections, cacheTags.authors);
  const [pages, stories] = await Promise.all([pageEntries(), countLiveStories()]);
  if (pages.length + stories <= perFile) return urlset([...pages, ...(await storyEntries(0, stories))]);
  const files = Math.ceil(stories / perFile);
  const locs = [absoluteUrl('/sitemaps/0.xml'), ...Array.from({ length: files }, (_, i) => absoluteUrl(`/sitemaps/${i + 1}.xml`))];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${locs
    .map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`;
}

/** One file of the sitemap index, or null when there is no such file. */
export async function buildSitemapFile(n: number, perFile = URLS_PER_SITEMAP): Promise<string | null> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.publishedLists, cacheTags.sections, cacheTags.authors);
  if (n === 0) return urlset(await pageEntries());
  const stories = await countLiveStories();
  // Files count from the oldest stories, so a file's contents stay put as new stories arrive.
  const from = (n - 1) * perFile;
  if (n < 1 || from >= stories) return null;
  return urlset(await storyEntries(from, Math.min(from + perFile, stories)));
}

/** Google News sitemap: stories first published in the last 48 hours, and open live blogs (at most 1,000). */
export async function buildNewsSitemap(): Promise<string> {
  'use cache';
  cacheLife('minutes');
  cacheTag(cacheTags.publishedLists);
  const rows = await readerDb
    .select({ slug: articles.slug, headline: articleRevisions.headline, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(
      and(
        isPublic(),
        or(
          and(gte(articles.publishedAt, sql`now() - interval '48 hours'`), gte(articles.firstPublishedAt, sql`now() - interval '48 hours'`)),
          // A live blog is news for as long as its coverage is open. As an array, not `exists`:
          // both arms then go through an index (a BitmapOr); with `exists` PostgreSQL walked
          // every published story by date to test it (1.7 s at a million stories, 1.6 ms now).
          sql`${articles.id} = any(array(select article_id from live_blogs where coverage_ended_at is null))`,
        ),
      ),
    )
    .orderBy(desc(articles.publishedAt))
    .limit(1000);
  const site = await getSiteSettings();
  const body = rows
    .map(
      (row) =>
        `<url><loc>${xmlText(absoluteUrl(`/articles/${row.slug}`))}</loc><news:news><news:publication><news:name>${xmlText(site.name)}</news:name><news:language>en</news:language></news:publication><news:publication_date>${isoInSiteZone(row.firstPublishedAt!)}</news:publication_date><news:title>${xmlText(row.headline)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}\n</urlset>\n`;
}
