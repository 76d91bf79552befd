/**
 * What the chaos run counts afterwards, from the database and from what readers and editors
 * recorded: acknowledged edits lost, stories half-published, readers shown a story that was
 * not published.
 */
import type postgres from 'postgres';
import { settled, storedText, workingText } from '../bench/collab-check';
import { lostEdits, type Edit } from './edit-acks';
import type { Step } from './editors';
import type { ReaderRecord } from './readers';

export type HalfPublished = { articleId: string; status: string; problem: string };
export type LostEdits = {
  typed: number;
  acknowledged: number;
  /** Acknowledged edits missing from the stored shared document (collab_documents + collab_updates). */
  fromStoredDocuments: Edit[];
  /** Acknowledged edits missing from the working copy once the documents were stored. */
  fromWorkingCopies: Edit[];
  /** Typed but never acknowledged, and not stored either (a person would have seen "Saving…"). */
  unacknowledgedNotStored: number;
};

/**
 * Every acknowledged edit must be in the stored shared document and, once the server has
 * stored it (the editors left, so it unloads), in the story's working copy. Each is polled
 * for up to `withinMs`: storing is debounced.
 */
export async function findLostEdits(edits: Edit[], withinMs = 30_000): Promise<LostEdits> {
  const stories = [...new Set(edits.map((edit) => edit.articleId))];
  const acknowledged = edits.filter((edit) => edit.ackedAt !== null);
  const texts = async (textOf: (articleId: string) => Promise<string>) => new Map(await Promise.all(stories.map(async (id) => [id, await textOf(id)] as const)));
  await settled(async () => lostEdits(acknowledged, await texts(storedText)).length, withinMs);
  const stored = await texts(storedText);
  await settled(async () => lostEdits(acknowledged, await texts(workingText)).length, withinMs);
  const working = await texts(workingText);
  return {
    typed: edits.length,
    acknowledged: acknowledged.length,
    fromStoredDocuments: lostEdits(acknowledged, stored),
    fromWorkingCopies: lostEdits(acknowledged, working),
    unacknowledgedNotStored: lostEdits(edits.filter((edit) => edit.ackedAt === null), stored).length,
  };
}

/**
 * A story is whole when its status, live revision, reader lists and last audit event agree:
 * published with a live revision, in its lists and last audited as published (or updated);
 * otherwise in no list and not last audited as published.
 */
export async function findHalfPublished(sql: postgres.Sql, articleIds: string[]): Promise<HalfPublished[]> {
  const rows = await sql`
    select a.id, a.status::text as status, a.published_revision_id, a.published_at,
           (select count(*)::int from reader_list_entries e where e.article_id = a.id) as list_entries,
           (select e.action from audit_events e
             where e.target_type = 'article' and e.target_id = a.id::text
               and e.action in ('article.published', 'article.update_published', 'article.unpublished', 'article.corrected')
             order by e.id desc limit 1) as last_event
    from articles a where a.id = any(${articleIds}::uuid[])`;
  const problems: HalfPublished[] = [];
  for (const row of rows) {
    const status = row.status as string;
    const found = (problem: string) => problems.push({ articleId: row.id as string, status, problem });
    const live = status === 'published';
    const lastEvent = row.last_event as string | null;
    if (live && (!row.published_revision_id || !row.published_at)) found('published without a live revision');
    if (live && (row.list_entries as number) === 0) found('published but in no reader list');
    if (!live && (row.list_entries as number) > 0) found(`${status} but still in ${row.list_entries} reader lists`);
    if (live && lastEvent !== 'article.published' && lastEvent !== 'article.update_published' && lastEvent !== 'article.corrected') found(`published, last audited as ${lastEvent}`);
    if (!live && (lastEvent === 'article.published' || lastEvent === 'article.update_published')) found(`${status}, last audited as ${lastEvent}`);
  }
  return problems;
}

/**
 * Readers shown a story while it was certainly not published: asked before anyone tried
 * to publish it, or after an acknowledged unpublish and before the next publish was sent.
 */
export function findReadersShownUnpublished(readers: ReaderRecord[], steps: Step[]): ReaderRecord[] {
  const byStory = new Map<string, Step[]>();
  for (const step of steps) byStory.set(step.articleId, [...(byStory.get(step.articleId) ?? []), step]);
  return readers.filter((read) => {
    if (read.kind !== 'chaos-story' || !read.sawStory || !read.articleId) return false;
    const story = (byStory.get(read.articleId) ?? []).sort((a, b) => a.start - b.start);
    const firstPublish = story.find((s) => s.name === 'publish');
    if (!firstPublish || read.end < firstPublish.start) return true;
    const takenDown = story.filter((s) => s.name === 'unpublish' && s.ok && s.end < read.start).at(-1);
    if (!takenDown) return false;
    const republished = story.some((s) => s.name === 'publish' && s.start > takenDown.start && s.start < read.end);
    return !republished;
  });
}

export type Percentiles = { count: number; p50Ms: number; p99Ms: number; maxMs: number };

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return { count: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1) ?? 0) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
