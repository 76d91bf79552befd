import 'server-only';
import { aliasedTable, and, asc, desc, eq, gt, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { articleRevisions, articles, articleStatus, editorialNotes, notifications, sections, users, type ArticleStatus } from '@/db/schema';
import { assertCan, can, type Actor } from '@/lib/permissions';
import { EDITING_FRESH_MS } from '@/lib/collab/presence';

export type NewsroomStory = {
  id: string;
  headline: string;
  status: ArticleStatus;
  section: string;
  bylines: string[];
  lastEditedAt: Date;
  submittedAt: Date | null;
  scheduledFor: Date | null;
  publishedAt: Date | null;
  embargoUntil: Date | null;
  isLead: boolean;
  topRank: number | null;
  lockedBy: string | null;
  lockedSince: Date | null;
  latestNote: { body: string; by: string | null; kind: string } | null;
};

const editorUser = aliasedTable(users, 'lock_user');

function baseQuery() {
  return db
    .select({
      id: articles.id,
      headline: articleRevisions.headline,
      status: articles.status,
      section: sections.name,
      bylineIds: articleRevisions.bylineIds,
      lastEditedAt: articles.lastEditedAt,
      submittedAt: articles.submittedAt,
      scheduledFor: articles.scheduledFor,
      publishedAt: articles.firstPublishedAt,
      embargoUntil: articles.embargoUntil,
      isLead: articles.isLead,
      topRank: articles.topRank,
      lockedBy: sql<string | null>`case when ${articles.lockHeartbeatAt} > now() - ${`${EDITING_FRESH_MS} milliseconds`}::interval then ${editorUser.displayName} end`,
      lockedSince: articles.lockAcquiredAt,
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(editorUser, eq(editorUser.id, articles.lockUserId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

async function finish(rows: Row[]): Promise<NewsroomStory[]> {
  const ids = rows.map((row) => row.id);
  const people = new Map(
    (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(rows.flatMap((r) => r.bylineIds))]))).map(
      (p) => [p.id, p.name],
    ),
  );
  const notes = ids.length
    ? await db
        .selectDistinctOn([editorialNotes.articleId], {
          articleId: editorialNotes.articleId,
          body: editorialNotes.body,
          kind: editorialNotes.kind,
          by: users.displayName,
        })
        .from(editorialNotes)
        .leftJoin(users, eq(users.id, editorialNotes.authorId))
        .where(inArray(editorialNotes.articleId, ids))
        .orderBy(editorialNotes.articleId, desc(editorialNotes.createdAt))
    : [];
  const noteOf = new Map(notes.map((n) => [n.articleId, { body: n.body, by: n.by, kind: n.kind }]));
  return rows.map(({ bylineIds, ...row }) => ({
    ...row,
    bylines: bylineIds.map((id) => people.get(id) ?? 'Former staff'),
    latestNote: noteOf.get(row.id) ?? null,
  }));
}

/** Stories the actor is on, or started, newest activity first. */
const mine = (actor: Actor) => or(sql`${actor.id}::uuid = any(${articleRevisions.bylineIds})`, eq(articles.createdBy, actor.id))!;
const visibleTo = (actor: Actor): SQL | undefined => (can(actor, 'article.edit.any') ? undefined : mine(actor));

/** A reporter's desk: their stories, returned ones first, then by last change. */
export async function findMyStories(actor: Actor): Promise<NewsroomStory[]> {
  const rows = await baseQuery()
    .where(and(mine(actor), or(inArray(articles.status, ['draft', 'in_review', 'changes_requested', 'scheduled']), gt(articles.lastEditedAt, sql`now() - interval '14 days'`))))
    .orderBy(sql`${articles.status} = 'changes_requested' desc`, desc(articles.lastEditedAt))
    .limit(100);
  return finish(rows);
}

/*
 * The editors' desk: every story in a state, whoever wrote it. Each takes the viewer and
 * refuses anyone who may not see every story (reporters see their own, through findMyStories).
 */
const assertSeesEveryStory = (viewer: Actor) => assertCan(viewer, 'article.edit.any');

/** The review queue, oldest submission first. */
export async function findReviewQueue(viewer: Actor): Promise<NewsroomStory[]> {
  assertSeesEveryStory(viewer);
  return finish(await baseQuery().where(eq(articles.status, 'in_review')).orderBy(asc(articles.submittedAt)).limit(200));
}

export async function findScheduled(viewer: Actor): Promise<NewsroomStory[]> {
  assertSeesEveryStory(viewer);
  return finish(await baseQuery().where(eq(articles.status, 'scheduled')).orderBy(asc(articles.scheduledFor)).limit(100));
}

export async function findRecentlyPublished(viewer: Actor, limit = 15): Promise<NewsroomStory[]> {
  assertSeesEveryStory(viewer);
  return finish(await baseQuery().where(eq(articles.status, 'published')).orderBy(desc(articles.publishedAt)).limit(limit));
}

export async function findBeingEdited(viewer: Actor): Promise<NewsroomStory[]> {
  assertSeesEveryStory(viewer);
  return finish(
    await baseQuery()
      .where(and(isNotNull(articles.lockUserId), gt(articles.lockHeartbeatAt, sql`now() - ${`${EDITING_FRESH_MS} milliseconds`}::interval`)))
      .orderBy(desc(articles.lockHeartbeatAt)),
  );
}

export const storyFilterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(articleStatus.enumValues).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.string().uuid().optional().catch(undefined),
});
export type StoryFilter = z.infer<typeof storyFilterSchema>;

/** Search and filter every story the actor may see. */
export async function searchNewsroomStories(actor: Actor, filter: StoryFilter): Promise<NewsroomStory[]> {
  const conditions: SQL[] = [];
  const visible = visibleTo(actor);
  if (visible) conditions.push(visible);
  if (filter.status) conditions.push(eq(articles.status, filter.status));
  if (filter.section) conditions.push(eq(articles.sectionId, filter.section));
  if (filter.author) conditions.push(sql`${filter.author}::uuid = any(${articleRevisions.bylineIds})`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(articleRevisions.headline, pattern), ilike(articleRevisions.deck, pattern), ilike(articleRevisions.bodyText, pattern))!);
  }
  return finish(await baseQuery().where(and(...conditions)).orderBy(desc(articles.lastEditedAt)).limit(100));
}

export type Notice = { id: number; kind: string; articleId: string | null; headline: string | null; by: string | null; message: string; createdAt: Date; read: boolean };

/** The actor's latest notifications. */
export async function findNotifications(actor: Actor, limit = 20): Promise<Notice[]> {
  const actorUser = aliasedTable(users, 'notice_actor');
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      articleId: notifications.articleId,
      headline: articleRevisions.headline,
      by: actorUser.displayName,
      message: notifications.message,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(articles, eq(articles.id, notifications.articleId))
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .leftJoin(actorUser, eq(actorUser.id, notifications.actorId))
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map(({ readAt, ...row }) => ({ ...row, read: readAt !== null }));
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), sql`${notifications.readAt} is null`));
  return row?.n ?? 0;
}

export async function markNotificationsRead(actor: Actor): Promise<void> {
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, actor.id), sql`${notifications.readAt} is null`));
}
