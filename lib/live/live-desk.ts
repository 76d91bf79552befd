import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { liveBlogs, liveUpdates, type DocNode } from '@/db/schema';
import { can, type Actor } from '@/lib/permissions';
import { assertCanView, loadStory } from '@/lib/workflow/story-record';
import { canChangeUpdate, canPostOn, type BlogAccess } from './live-rules';

export type DeskUpdate = {
  id: number;
  posted: boolean;
  headline: string;
  body: DocNode;
  bodyText: string;
  mediaId: string | null;
  authorIds: string[];
  pinned: boolean;
  keyEvent: boolean;
  postedAt: Date | null;
  editedAt: Date | null;
  createdAt: Date;
  canChange: boolean;
};

export type LiveDesk = {
  startedAt: Date;
  endedAt: Date | null;
  pollSeconds: number;
  reportersMayPost: boolean;
  postedCount: number;
  canPost: boolean;
  canManage: boolean;
  updates: DeskUpdate[];
};

/** How many posted updates the desk lists (drafts are always all listed). */
const DESK_UPDATES = 60;

/** The live desk of a story for the newsroom, or null when the story is not a live blog. */
export async function findLiveDesk(actor: Actor, articleId: string): Promise<LiveDesk | null> {
  const story = await loadStory(db, articleId);
  assertCanView(actor, story.access);
  const [blog] = await db.select().from(liveBlogs).where(eq(liveBlogs.articleId, articleId));
  if (!blog) return null;
  const access: BlogAccess = { ended: blog.coverageEndedAt !== null, reportersMayPost: blog.reportersMayPost, story: story.access };
  const notDeleted = and(eq(liveUpdates.articleId, articleId), isNull(liveUpdates.deletedAt));
  const [drafts, posted, [count]] = await Promise.all([
    db.select().from(liveUpdates).where(and(notDeleted, isNull(liveUpdates.seq))).orderBy(desc(liveUpdates.id)),
    db.select().from(liveUpdates).where(and(notDeleted, sql`${liveUpdates.seq} is not null`)).orderBy(desc(liveUpdates.seq)).limit(DESK_UPDATES),
    db.select({ n: sql<number>`count(*)::int` }).from(liveUpdates).where(and(notDeleted, sql`${liveUpdates.seq} is not null`)),
  ]);
  return {
    startedAt: blog.coverageStartedAt,
    endedAt: blog.coverageEndedAt,
    pollSeconds: blog.pollSeconds,
    reportersMayPost: blog.reportersMayPost,
    postedCount: count?.n ?? 0,
    canPost: canPostOn(actor, access) && !access.ended,
    canManage: can(actor, 'live.manage'),
    updates: [...drafts, ...posted].map((row) => ({
      id: row.id,
      posted: row.seq !== null,
      headline: row.headline,
      body: row.body,
      bodyText: row.bodyText,
      mediaId: row.mediaId,
      authorIds: row.authorIds,
      pinned: row.pinned,
      keyEvent: row.keyEvent,
      postedAt: row.postedAt,
      editedAt: row.editedAt,
      createdAt: row.createdAt,
      canChange: canChangeUpdate(actor, access, row),
    })),
  };
}
