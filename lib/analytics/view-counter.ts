import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { siteDay } from '@/lib/site-time';
import { addressBucket } from '@/lib/request-context';

/**
 * Counts page views cheaply: each view is a map increment in memory, and every few
 * seconds one statement adds the batch to the per-day counts. Views for stories that are
 * not public are dropped at that point. A crash loses at most the last few seconds.
 */
const FLUSH_EVERY_MS = 5_000;
const REPEAT_WINDOW_MS = 30 * 60_000;
const MAX_REMEMBERED = 200_000;
// Limits per client address (lib/request-context.ts decides it; a client cannot choose it).
// A browser's user agent is whatever the client says, so it only tells apart a few people
// behind one address (a household, an office), never more than these.
const MAX_BROWSERS_PER_ADDRESS_AND_STORY = 3;
const MAX_STORIES_PER_ADDRESS = 200;

type Seen = { at: number; address: string; browsers: string[] };
type State = {
  pending: Map<string, number>;
  /** `<address> <story>` → who read it lately; oldest first (Maps keep insertion order). */
  recent: Map<string, Seen>;
  /** How many entries of `recent` each address holds. */
  perAddress: Map<string, number>;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
};
const shared = globalThis as unknown as { mastheadViewCounter?: State };
const state: State = (shared.mastheadViewCounter ??= { pending: new Map(), recent: new Map(), perAddress: new Map() });

export type Viewer = { address: string; userAgent: string };

/**
 * Records one view; returns whether it counted. The same reader (address and browser)
 * reading the same story within half an hour counts once.
 *
 * The memory of recent readers is bounded without ever being wiped: expired entries go
 * first, and when it is full the oldest entry goes. One address can hold at most a few
 * hundred entries, so fake viewers cannot push real readers out (and get their next visit
 * counted again) without thousands of real addresses.
 */
export function recordView(articleId: string, viewer: Viewer): boolean {
  const now = Date.now();
  forgetExpired(now);
  const address = addressBucket(viewer.address);
  const browser = createHash('sha256').update(viewer.userAgent).digest('base64url').slice(0, 12);
  const key = `${address} ${articleId}`;
  const seen = state.recent.get(key);
  if (seen) {
    if (seen.browsers.includes(browser) || seen.browsers.length >= MAX_BROWSERS_PER_ADDRESS_AND_STORY) return false;
    seen.browsers.push(browser);
  } else {
    if ((state.perAddress.get(address) ?? 0) >= MAX_STORIES_PER_ADDRESS) return false;
    if (state.recent.size >= MAX_REMEMBERED) forget(state.recent.keys().next().value!);
    state.recent.set(key, { at: now, address, browsers: [browser] });
    state.perAddress.set(address, (state.perAddress.get(address) ?? 0) + 1);
  }
  state.pending.set(articleId, (state.pending.get(articleId) ?? 0) + 1);
  state.timer ??= setTimeout(() => void flushViews(), FLUSH_EVERY_MS).unref();
  return true;
}

function forgetExpired(now: number) {
  for (const [key, seen] of state.recent) {
    if (now - seen.at < REPEAT_WINDOW_MS) break;
    forget(key);
  }
}

function forget(key: string) {
  const seen = state.recent.get(key);
  if (!seen) return;
  state.recent.delete(key);
  const left = (state.perAddress.get(seen.address) ?? 1) - 1;
  if (left > 0) state.perAddress.set(seen.address, left);
  else state.perAddress.delete(seen.address);
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
