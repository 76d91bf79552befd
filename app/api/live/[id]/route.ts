import { z } from 'zod';
import { cdnKeyHeaders } from '@/lib/cache/cdn-keys';
import { cacheTags } from '@/lib/cache/tags';
import { getPollState } from '@/lib/live/reader-live';

type Context = { params: Promise<{ id: string }> };

const query = z.object({ id: z.string().uuid(), since: z.coerce.number().int().min(0).max(2_147_483_647) });

/**
 * "Updates since N" for a live blog's reader page: how many new updates there are, the
 * blog's version (any other change), whether coverage ended, and how long to wait before
 * asking again, which the newsroom sets. Answered from cache between changes, and cacheable
 * for a second or two by a CDN, so a spike of readers costs the database nothing.
 */
export async function GET(request: Request, { params }: Context) {
  const parsed = query.safeParse({ id: (await params).id, since: new URL(request.url).searchParams.get('since') ?? '' });
  if (!parsed.success) {
    return Response.json({ error: 'Expected /api/live/<story id>?since=<update number>.' }, { status: 400, headers: { 'Cache-Control': 'no-store' } });
  }
  const state = await getPollState(parsed.data.id);
  const keys = cdnKeyHeaders([cacheTags.liveBlog(parsed.data.id), cacheTags.article(parsed.data.id)]);
  if (!state) return Response.json({ error: 'No live blog here.' }, { status: 404, headers: { 'Cache-Control': 'public, max-age=10, s-maxage=10', ...keys } });
  const since = parsed.data.since;
  const fresh = state.recentSeqs.filter((seq) => seq > since).length;
  return Response.json(
    { latest: state.lastSeq, newUpdates: fresh, version: state.version, ended: state.ended, pollSeconds: state.pollSeconds },
    { headers: { 'Cache-Control': 'public, max-age=2, s-maxage=2, stale-while-revalidate=5', ...keys } },
  );
}
