import 'server-only';
import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { signInThrottle } from '@/db/schema';

/**
 * Counting attempts at something guessable (a password, a reset email), per key, kept in
 * PostgreSQL so that every app instance shares the counts.
 *
 * A key's score goes up by one per attempt and down by one every `decaySeconds` (a failure
 * counts in full until it has wholly decayed). When an attempt brings it to `free`, the
 * key is blocked for `firstBlockSeconds`, and each
 * further point doubles that, up to `maxBlockSeconds`. Blocked keys count nothing more.
 * Because the score decays, the time a block lasts also pays off failures: a single wrong
 * password after a long block costs a short block, not the longest one again.
 */
export type AttemptRule = { free: number; firstBlockSeconds: number; maxBlockSeconds: number; decaySeconds: number };
export type CountedKey = { key: string; rule: AttemptRule };

export type Reservation =
  | { allowed: true }
  /** `newlyRefused`: keys whose current block had not refused anyone yet (audit those once). */
  | { allowed: false; retryAfterSeconds: number; newlyRefused: string[] };

// `now()` is when each transaction began, so a transaction that waited for the row lock can
// see a later `updated_at` than its own now: that is no time passed, never negative time.
const decayed = (score: number, since: Date, now: Date, rule: AttemptRule) =>
  Math.max(0, score - Math.max(0, now.getTime() - since.getTime()) / 1000 / rule.decaySeconds);

// A failure counts in full until it has wholly decayed (ceil, with room for float noise).
const whole = (score: number) => Math.ceil(score - 1e-9);

export const blockSecondsAt = (score: number, rule: AttemptRule) =>
  Math.min(rule.maxBlockSeconds, rule.firstBlockSeconds * 2 ** (whole(score) - rule.free));

/**
 * Counts one attempt against every key, or refuses it if any key is blocked. The count is
 * taken before the attempt is checked, under a row lock, so that any number of concurrent
 * attempts get no more than the free ones between them.
 */
export async function reserveAttempt(keys: CountedKey[]): Promise<Reservation> {
  await removeStaleRows();
  // Rows are locked in key order, so two attempts sharing keys cannot deadlock.
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  return db.transaction(async (tx) => {
    await tx.insert(signInThrottle).values(sorted.map(({ key }) => ({ key, score: 0 }))).onConflictDoNothing();
    const rows = await tx
      .select({
        key: signInThrottle.key,
        score: signInThrottle.score,
        updatedAt: signInThrottle.updatedAt,
        blockedUntil: signInThrottle.blockedUntil,
        blockLogged: signInThrottle.blockLogged,
        now: sql<Date>`now()`.mapWith((value: string) => new Date(value)),
      })
      .from(signInThrottle)
      .where(inArray(signInThrottle.key, sorted.map(({ key }) => key)))
      .orderBy(signInThrottle.key)
      .for('update');
    const now = rows[0]!.now;
    const blocked = rows.filter((row) => row.blockedUntil && row.blockedUntil > now);
    if (blocked.length > 0) {
      const newlyRefused = blocked.filter((row) => !row.blockLogged).map((row) => row.key);
      if (newlyRefused.length > 0) {
        await tx.update(signInThrottle).set({ blockLogged: true }).where(inArray(signInThrottle.key, newlyRefused));
      }
      const waitMs = Math.max(...blocked.map((row) => row.blockedUntil!.getTime() - now.getTime()));
      return { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), newlyRefused };
    }
    for (const { key, rule } of sorted) {
      const row = rows.find((r) => r.key === key)!;
      const score = decayed(row.score, row.updatedAt, now, rule) + 1;
      const updatedAt = row.updatedAt > now ? row.updatedAt : now;
      const blocks = whole(score) >= rule.free;
      await tx
        .update(signInThrottle)
        .set({
          score,
          updatedAt,
          ...(blocks && { blockedUntil: new Date(updatedAt.getTime() + blockSecondsAt(score, rule) * 1000), blockLogged: false }),
        })
        .where(sql`${signInThrottle.key} = ${key}`);
    }
    return { allowed: true as const };
  });
}

/** Forgets a key (the account's owner proved who they are). */
export async function forgetKey(key: string, executor: Executor = db): Promise<void> {
  await executor.delete(signInThrottle).where(sql`${signInThrottle.key} = ${key}`);
}

/** Gives back the point an attempt took (it succeeded), lifting a block it alone caused. */
export async function refundAttempt({ key, rule }: CountedKey): Promise<void> {
  const elapsed = sql`greatest(0, extract(epoch from now() - ${signInThrottle.updatedAt}))`;
  const score = sql`greatest(0, ${signInThrottle.score} - ${elapsed} / ${rule.decaySeconds} - 1)`;
  await db
    .update(signInThrottle)
    .set({
      score,
      updatedAt: sql`greatest(now(), ${signInThrottle.updatedAt})`,
      blockedUntil: sql`case when ceil(${score} - 1e-9) < ${rule.free} then null else ${signInThrottle.blockedUntil} end`,
    })
    .where(sql`${signInThrottle.key} = ${key}`);
}

// Every score decays to nothing well within a day; rows older than that only take space.
const CLEANUP_EVERY_MS = 10 * 60_000;
const shared = globalThis as unknown as { mastheadThrottleCleanup?: number };

async function removeStaleRows(): Promise<void> {
  if (Date.now() - (shared.mastheadThrottleCleanup ?? 0) < CLEANUP_EVERY_MS) return;
  shared.mastheadThrottleCleanup = Date.now();
  await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.updatedAt, sql`now() - interval '1 day'`),
        or(isNull(signInThrottle.blockedUntil), lt(signInThrottle.blockedUntil, sql`now()`)),
      ),
    );
}
