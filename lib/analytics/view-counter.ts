import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { siteDay } from '@/lib/dates';

/**
 * Counts page views cheaply: each view is a map increment in memory, and every few
 * seconds one statement adds the batch to the per-day counts. Views for stories that are
 * not public are dropped at that point. A crash loses at most the last few seconds.
 */
const FLUSH_EVERY_MS = 5_000;
const REPEAT_WINDOW_MS = 30 * 60_000;
const MAX_REMEMBERED_VIEWERS = 200_000;

type State = {
  pending: Map<string, number>;
  recentViewers: Map<string, number>;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
};
const shared = globalThis as unknown as { mastheadViews?: State };
const state: State = (shared.mastheadViews ??= { pending: new Map(), recentViewers: new Map() });

/**
 * Records one view. `viewerKey` identifies a reader loosely (a hash of address and
 * browser); the same reader reloading the same story within half an hour counts once.
 */
export function recordView(articleId: string, viewerKey: string): boolean {
  const now = Date.now();
  const seen = `${viewerKey}:${articleId}`;
  const last = state.recentViewers.get(seen);
  if (last && now - last < REPEAT_WINDOW_MS) return false;
  if (state.recentViewers.size >= MAX_REMEMBERED_VIEWERS) state.recentViewers.clear();
  state.recentViewers.set(seen, now);
  state.pending.set(articleId, (state.pending.get(articleId) ?? 0) + 1);
  state.timer ??= setTimeout(() => void flushViews(), FLUSH_EVERY_MS).unref();
  return true;
}

/** Adds the pending counts to today's totals. */
export async function flushViews(): Promise<void> {
  clearTimeout(state.timer);
  state.timer = undefined;
  await state.flushing;
  if (state.pending.size === 0) return;
  const batch = state.pending;
  state.pending = new Map();
  const ids = [...batch.keys()];
  const counts = ids.map((id) => batch.get(id)!);
  state.flushing = db
    .execute(sql`
      insert into daily_views (day, article_id, views)
      select ${siteDay(new Date())}::date, a.id, v.views
      from unnest(${`{${ids.join(',')}}`}::uuid[], ${`{${counts.join(',')}}`}::int[]) as v(id, views)
      join articles a on a.id = v.id and a.status = 'published'
      on conflict (day, article_id) do update set views = daily_views.views + excluded.views
    `)
    .then(() => undefined)
    .catch((error) => console.error('Could not save page views', error))
    .finally(() => (state.flushing = undefined));
  await state.flushing;
}
