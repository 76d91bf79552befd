import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { liveBlogs, type LiveBlog } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { loadStory } from '@/lib/workflow/story-record';
import type { BlogAccess } from './live-rules';

export type BlogRecord = { blog: LiveBlog; access: BlogAccess };

/** A live blog and its story's access facts; locked for update when `forUpdate`. */
export async function loadBlog(tx: Executor, articleId: string, forUpdate = false): Promise<BlogRecord> {
  const story = await loadStory(tx, articleId);
  const query = tx.select().from(liveBlogs).where(eq(liveBlogs.articleId, articleId));
  const [blog] = forUpdate ? await query.for('update') : await query;
  if (!blog) throw new ActionError('This story is not a live blog.', 'invalid');
  return {
    blog,
    access: { ended: blog.coverageEndedAt !== null, reportersMayPost: blog.reportersMayPost, story: story.access },
  };
}

export function assertOpen(record: BlogRecord): void {
  if (record.access.ended) throw new ActionError('Coverage has ended: this live blog takes no more updates.', 'conflict');
}
