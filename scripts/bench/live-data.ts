/** A live blog with posted updates for the benches (`npm run bench:live` and `npm run bench`). */
import type { Sql } from 'postgres';

export type BenchLiveBlog = { articleId: string; slug: string; lastSeq: number };

/** One update in a hundred is a key event (the key-events list shows them). */
const KEY_EVENT_EVERY = 100;

/**
 * Makes the oldest published story other than `exceptSlugs` (and the generated archive) a
 * live blog with `updates` posted updates, bylined to the story's first author. The oldest
 * story is never prerendered by the build, so its first open is a real render.
 */
export async function createBenchLiveBlog(sql: Sql, updates: number, exceptSlugs: string[] = []): Promise<BenchLiveBlog> {
  const [story] = await sql`
    select a.id, a.slug, r.byline_ids from articles a join article_revisions r on r.id = a.published_revision_id
    where a.status = 'published' and a.slug not like 'archive-story-%' and not (a.slug = any(${exceptSlugs}::text[]))
    order by a.published_at asc limit 1`;
  if (!story) throw new Error('No published story to turn into a live blog.');
  const articleId = story.id as string;
  const author = (story.byline_ids as string[])[0]!;
  await sql`insert into live_blogs (article_id, coverage_started_at, last_seq, version) values (${articleId}, now() - interval '10 hours', ${updates}, ${updates})`;
  await sql`
    insert into live_updates (article_id, seq, headline, body, body_text, author_ids, key_event, posted_at)
    select ${articleId}, n, case when n % ${KEY_EVENT_EVERY} = 0 then 'Key moment ' || n else '' end,
      jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content',
        jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Update ' || n || ': delegates spoke about the harbour, the ferries and the budget for the coming year.'))))),
      'Update ' || n || ': delegates spoke about the harbour, the ferries and the budget for the coming year.',
      array[${author}::uuid], n % ${KEY_EVENT_EVERY} = 0, now() - interval '10 hours' + n * interval '15 seconds'
    from generate_series(1, ${updates}) n`;
  return { articleId, slug: story.slug as string, lastSeq: updates };
}

/** The live blog a bench database already has (the first started), if any. */
export async function findBenchLiveBlog(sql: Sql): Promise<BenchLiveBlog | null> {
  const [blog] = await sql`
    select b.article_id, a.slug, b.last_seq from live_blogs b join articles a on a.id = b.article_id
    where b.coverage_ended_at is null order by b.coverage_started_at asc limit 1`;
  return blog ? { articleId: blog.article_id as string, slug: blog.slug as string, lastSeq: blog.last_seq as number } : null;
}
