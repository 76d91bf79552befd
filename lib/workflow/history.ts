import 'server-only';
import { diffWords } from 'diff';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { articleRevisions, articles, users, type RevisionReason } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { findSlugOwner } from '@/lib/articles/slug-ownership';
import { recordAudit } from '@/lib/audit/record-audit';
import { announceStoryChanged } from '@/lib/collab/announce';
import type { Actor } from '@/lib/permissions';
import { assertCanEdit, assertCanView, loadStory } from './story-record';

export type RevisionSummary = {
  id: number;
  reason: RevisionReason;
  by: string | null;
  /** Everyone whose typing is in the revision (the story is edited together). */
  contributors: string[];
  createdAt: Date;
  headline: string;
  wordCount: number;
  note: string;
  isWorking: boolean;
  isLive: boolean;
};

/** Every revision of a story, newest first. */
export async function findRevisions(actor: Actor, articleId: string): Promise<RevisionSummary[]> {
  const story = await loadStory(db, articleId);
  assertCanView(actor, story.access);
  const rows = await db
    .select({
      id: articleRevisions.id,
      reason: articleRevisions.reason,
      by: users.displayName,
      createdAt: articleRevisions.createdAt,
      headline: articleRevisions.headline,
      wordCount: articleRevisions.wordCount,
      note: articleRevisions.note,
      contributorIds: articleRevisions.contributorIds,
    })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.actorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id));
  const ids = [...new Set(rows.flatMap((row) => row.contributorIds))];
  const names = new Map(
    ids.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]) : [],
  );
  return rows.map(({ contributorIds, ...row }) => ({
    ...row,
    contributors: contributorIds.flatMap((id) => names.get(id) ?? []),
    isWorking: row.id === story.article.currentRevisionId,
    isLive: row.id === story.article.publishedRevisionId,
  }));
}

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
export type RevisionDiff = { from: number; to: number; headline: DiffPart[]; deck: DiffPart[]; body: DiffPart[] };

/** A word-level comparison of two revisions of the same story. */
export async function compareRevisions(actor: Actor, articleId: string, fromId: number, toId: number): Promise<RevisionDiff> {
  const story = await loadStory(db, articleId);
  assertCanView(actor, story.access);
  const rows = await db
    .select({ id: articleRevisions.id, headline: articleRevisions.headline, deck: articleRevisions.deck, bodyText: articleRevisions.bodyText })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), inArray(articleRevisions.id, [fromId, toId])));
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) throw new ActionError('Those revisions are not of this story.');
  const words = (a: string, b: string) => diffWords(a, b).map(({ value, added, removed }) => ({ value, added, removed }));
  return { from: fromId, to: toId, headline: words(from.headline, to.headline), deck: words(from.deck, to.deck), body: words(from.bodyText, to.bodyText) };
}

/** Makes an old revision the working copy again, as a new revision (history is never rewritten). */
export async function restoreRevision(actor: Actor, ip: string, articleId: string, revisionId: number): Promise<{ version: number }> {
  const restored = await db.transaction(async (tx) => {
    const story = await loadStory(tx, articleId, true);
    assertCanEdit(actor, story.access);
    const [old] = await tx
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)));
    if (!old) throw new ActionError('That revision is not of this story.');
    if (old.slug !== story.working.slug && (await findSlugOwner(tx, old.slug, articleId))) {
      throw new ActionError('Another story now owns that revision’s address, so it cannot be restored as it was. Copy what you need from it instead.');
    }
    const { id: _id, createdAt: _createdAt, bodyMediaIds: _derived, ...copy } = old;
    const [revision] = await tx
      .insert(articleRevisions)
      .values({ ...copy, reason: 'restore', note: `Restored from the revision of ${old.createdAt.toISOString()}`, baseVersion: story.article.version, actorId: actor.id, contributorIds: [actor.id] })
      .returning({ id: articleRevisions.id });
    const [updated] = await tx
      .update(articles)
      .set({
        currentRevisionId: revision!.id,
        version: sql`${articles.version} + 1`,
        lastEditedAt: new Date(),
        ...(story.article.firstPublishedAt ? {} : { slug: old.slug, sectionId: old.sectionId }),
      })
      .where(eq(articles.id, articleId))
      .returning({ version: articles.version });
    await recordAudit(tx, { actorId: actor.id, action: 'article.restored', targetType: 'article', targetId: articleId, ip, details: { revisionId } });
    return { version: updated!.version };
  });
  // The collaboration server folds the restored copy into the shared document as one change.
  await announceStoryChanged(articleId);
  return restored;
}
