import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { ActionError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/permissions';
import { openStoryPage } from './open-story-page';

const id = '6f1c2b8e-0d4a-4c3e-9b7a-2a1d5e8f9c01';
const params = Promise.resolve({ id });
/** What Next's notFound() throws, told by its digest. */
const notFoundDigest = (error: unknown) => (error as { digest?: string }).digest ?? '';

describe('a story page in the newsroom', () => {
  it('says the database is not answering, not "not in the newsroom", when the read could not reach it', async () => {
    const load = async () => {
      const sql = postgres('postgres://postgres@127.0.0.1:1/nothing', { max: 1, connect_timeout: 2, onnotice: () => {} });
      try {
        return await sql`select 1`;
      } finally {
        await sql.end({ timeout: 0 });
      }
    };
    const opened = await openStoryPage(params, load);
    expect(opened).toEqual({ kind: 'unavailable', message: expect.stringContaining('the database is not answering') });
  });

  it('is not found when the address names no story, and refused with the reason when the person may not see it', async () => {
    const missing = await openStoryPage(params, () => Promise.reject(new ActionError('This story does not exist.'))).catch((error: unknown) => error);
    expect(notFoundDigest(missing)).toMatch(/404/);
    const malformed = await openStoryPage(Promise.resolve({ id: 'not-a-story' }), async () => 1).catch((error: unknown) => error);
    expect(notFoundDigest(malformed)).toMatch(/404/);
    expect(await openStoryPage(params, () => Promise.reject(new ForbiddenError('Not your story.')))).toEqual({ kind: 'refused', message: 'Not your story.' });
    expect(await openStoryPage(params, async () => 'the story')).toEqual({ kind: 'open', id, found: 'the story' });
  });
});
