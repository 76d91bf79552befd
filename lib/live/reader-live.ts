import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb } from '@/db/client';
import { articles, liveBlogs, liveUpdates, users, type DocNode } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { imagesIn } from '@/lib/content/sanitize-document';
import { findReaderImages, type ReaderImage } from '@/lib/reader/images';
import { isPublic, type Byline } from '@/lib/reader/summaries';
import { UPDATES_PER_PAGE } from './live-rules';

export type ReaderLiveBlog = { startedAt: Date; endedAt: Date | null; pollSeconds: number; lastSeq: number; version: number };

export type ReaderUpdate = {
  id: number;
  seq: number;
  headline: string;
  body: DocNode;
  bodyText: string;
  images: Record<string, ReaderImage>;
  picture: ReaderImage | null;
  authors: Byline[];
  pinned: boolean;
  keyEvent: boolean;
  postedAt: Date;
  editedAt: Date | null;
};

export type KeyEvent = { id: number; seq: number; title: string; postedAt: Date };

export type LivePage = {
  updates: ReaderUpdate[];
  /** `before` for the next page of older updates, or null on the last page. */
  olderBefore: number | null;
  pinned: ReaderUpdate | null;
  keyEvents: KeyEvent[];
};

/** Only posted, undeleted updates ever reach readers. */
const visible = (articleId: string) => and(eq(liveUpdates.articleId, articleId), isNotNull(liveUpdates.seq), isNull(liveUpdates.deletedAt));

/** The live blog behind a published story, or null when the story is not one. */
export async function getReaderLiveBlog(articleId: string): Promise<ReaderLiveBlog | null> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.liveBlog(articleId));
  const [blog] = await readerDb
    .select({
      startedAt: liveBlogs.coverageStartedAt,
      endedAt: liveBlogs.coverageEndedAt,
      pollSeconds: liveBlogs.pollSeconds,
      lastSeq: liveBlogs.lastSeq,
      version: liveBlogs.version,
    })
    .from(liveBlogs)
    .where(eq(liveBlogs.articleId, articleId));
  return blog ?? null;
}

/**
 * One page of updates, newest first: the first page (`before` null) also carries the pinned
 * update and the key events. Pages are cut by posting number, so a new post never moves
 * an older page's contents, and page 100 costs what page 1 costs (one index range).
 */
export async function getLivePage(articleId: string, before: number | null): Promise<LivePage> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.liveBlog(articleId));
  const rows = await readerDb
    .select()
    .from(liveUpdates)
    .where(and(visible(articleId), before === null ? undefined : lt(liveUpdates.seq, before)))
    .orderBy(desc(liveUpdates.seq))
    .limit(UPDATES_PER_PAGE + 1);
  const page = rows.slice(0, UPDATES_PER_PAGE);
  const [pinnedRow] = before === null ? await readerDb.select().from(liveUpdates).where(and(visible(articleId), eq(liveUpdates.pinned, true))).limit(1) : [];
  const keyRows =
    before === null
      ? await readerDb
          .select({ id: liveUpdates.id, seq: liveUpdates.seq, headline: liveUpdates.headline, bodyText: liveUpdates.bodyText, postedAt: liveUpdates.postedAt })
          .from(liveUpdates)
          .where(and(visible(articleId), eq(liveUpdates.keyEvent, true)))
          .orderBy(desc(liveUpdates.seq))
          .limit(50)
      : [];
  const [updates, pinned] = await Promise.all([toReaderUpdates(page), pinnedRow ? toReaderUpdates([pinnedRow]) : []]);
  return {
    updates,
    olderBefore: rows.length > UPDATES_PER_PAGE ? page.at(-1)!.seq! : null,
    pinned: pinned[0] ?? null,
    keyEvents: keyRows.map((row) => ({ id: row.id, seq: row.seq!, title: updateTitle(row), postedAt: row.postedAt! })),
  };
}

/** One posted update, for its permalink; null when it is a draft, deleted or another blog's. */
export async function getReaderUpdate(articleId: string, updateId: number): Promise<ReaderUpdate | null> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.liveBlog(articleId));
  const rows = await readerDb.select().from(liveUpdates).where(and(visible(articleId), eq(liveUpdates.id, updateId)));
  return (await toReaderUpdates(rows))[0] ?? null;
}

/** A headline, or the update's opening words. */
export function updateTitle(update: { headline: string; bodyText: string }): string {
  if (update.headline) return update.headline;
  const text = update.bodyText.replace(/\s+/g, ' ').trim();
  return text.length > 90 ? `${text.slice(0, 88).replace(/\s+\S*$/, '')}…` : text;
}

export type PollState = { lastSeq: number; version: number; ended: boolean; pollSeconds: number; recentSeqs: number[] };

/**
 * What the "updates since" endpoint answers from, for a public live blog (else null).
 * Cached until the blog or the story changes, so pollers between posts cost no queries.
 */
export async function getPollState(articleId: string): Promise<PollState | null> {
  'use cache';
  cacheLife('hours');
  cacheTag(cacheTags.liveBlog(articleId), cacheTags.article(articleId));
  const [blog] = await readerDb
    .select({ lastSeq: liveBlogs.lastSeq, version: liveBlogs.version, endedAt: liveBlogs.coverageEndedAt, pollSeconds: liveBlogs.pollSeconds })
    .from(liveBlogs)
    .innerJoin(articles, eq(articles.id, liveBlogs.articleId))
    .where(and(eq(liveBlogs.articleId, articleId), isPublic()));
  if (!blog) return null;
  const recent = await readerDb
    .select({ seq: liveUpdates.seq })
    .from(liveUpdates)
    .where(visible(articleId))
    .orderBy(desc(liveUpdates.seq))
    .limit(100);
  return { lastSeq: blog.lastSeq, version: blog.version, ended: blog.endedAt !== null, pollSeconds: blog.pollSeconds, recentSeqs: recent.map((r) => r.seq!) };
}

type UpdateRow = typeof liveUpdates.$inferSelect;

async function toReaderUpdates(rows: UpdateRow[]): Promise<ReaderUpdate[]> {
  if (rows.length === 0) return [];
  const authorIds = [...new Set(rows.flatMap((row) => row.authorIds))];
  const [people, images] = await Promise.all([
    authorIds.length > 0 ? readerDb.select({ id: users.id, name: users.displayName, slug: users.slug }).from(users).where(inArray(users.id, authorIds)) : [],
    findReaderImages(rows.flatMap((row) => [row.mediaId, ...imagesIn(row.body)])),
  ]);
  const byId = new Map(people.map((person) => [person.id, { name: person.name, slug: person.slug }]));
  return rows.map((row) => ({
    id: row.id,
    seq: row.seq!,
    headline: row.headline,
    body: row.body,
    bodyText: row.bodyText,
    images: Object.fromEntries(imagesIn(row.body).flatMap((id) => (images.has(id) ? [[id, images.get(id)!]] : []))),
    picture: row.mediaId ? (images.get(row.mediaId) ?? null) : null,
    authors: row.authorIds.flatMap((id) => byId.get(id) ?? []),
    pinned: row.pinned,
    keyEvent: row.keyEvent,
    postedAt: row.postedAt!,
    editedAt: row.editedAt,
  }));
}
