import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { db } from '@/db/client';
import { collabDocuments, collabUpdates } from '@/db/schema';

export type StoredDocument = { state: Uint8Array; revisionId: number | null };

/** The story's document as stored: its snapshot with every logged update since merged in; null if none yet. */
export async function loadStoredDocument(articleId: string): Promise<StoredDocument | null> {
  const [snapshot] = await db.select().from(collabDocuments).where(eq(collabDocuments.articleId, articleId));
  const updates = await db
    .select({ update: collabUpdates.update })
    .from(collabUpdates)
    .where(eq(collabUpdates.articleId, articleId))
    .orderBy(asc(collabUpdates.id));
  if (!snapshot && updates.length === 0) return null;
  const parts = [...(snapshot ? [new Uint8Array(snapshot.state)] : []), ...updates.map((u) => new Uint8Array(u.update))];
  return { state: Y.mergeUpdates(parts), revisionId: snapshot?.revisionId ?? null };
}

/** The working-copy revision the story's document was last stored as, by any collaboration server; null if none. */
export async function storedRevisionId(articleId: string): Promise<number | null> {
  const [row] = await db.select({ revisionId: collabDocuments.revisionId }).from(collabDocuments).where(eq(collabDocuments.articleId, articleId));
  return row?.revisionId ?? null;
}

/** Appends updates as they arrive (merged into one row per call). */
export async function appendUpdates(articleId: string, updates: Uint8Array[]): Promise<void> {
  if (updates.length === 0) return;
  const merged = Buffer.from(Y.mergeUpdates(updates));
  await db.insert(collabUpdates).values({ articleId, update: merged, size: merged.length });
}

/**
 * Creates the stored document once, from the first server to build it: returns false if
 * another got there first (its document is then the one to load, so two servers never
 * start the same story from two unrelated documents).
 */
export async function createStoredDocument(articleId: string, doc: Y.Doc, revisionId: number): Promise<boolean> {
  const rows = await db
    .insert(collabDocuments)
    .values({ articleId, state: Buffer.from(Y.encodeStateAsUpdate(doc)), revisionId })
    .onConflictDoNothing()
    .returning({ articleId: collabDocuments.articleId });
  return rows.length === 1;
}

/**
 * Compacts: the snapshot becomes the union of itself, every logged update and this
 * server's document, and the logged updates are deleted, in one transaction. A union
 * rather than an overwrite, so that with several servers (REDIS_URL) one that has not yet
 * heard of another's latest edits cannot store over them. Returns the snapshot's size in bytes.
 */
export async function storeSnapshot(articleId: string, doc: Y.Doc, revisionId: number | null): Promise<number> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ state: collabDocuments.state }).from(collabDocuments).where(eq(collabDocuments.articleId, articleId)).for('update');
    const logged = await tx.select({ id: collabUpdates.id, update: collabUpdates.update }).from(collabUpdates).where(eq(collabUpdates.articleId, articleId));
    const parts = [Y.encodeStateAsUpdate(doc), ...(existing ? [new Uint8Array(existing.state)] : []), ...logged.map((u) => new Uint8Array(u.update))];
    const state = Buffer.from(parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
    await tx
      .insert(collabDocuments)
      .values({ articleId, state, revisionId })
      .onConflictDoUpdate({ target: collabDocuments.articleId, set: { state, revisionId: sql`coalesce(excluded.revision_id, ${collabDocuments.revisionId})`, updatedAt: new Date() } });
    const through = Math.max(0, ...logged.map((u) => u.id));
    if (through > 0) await tx.delete(collabUpdates).where(and(eq(collabUpdates.articleId, articleId), lte(collabUpdates.id, through)));
    return state.length;
  });
}
