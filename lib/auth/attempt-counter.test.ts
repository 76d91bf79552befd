import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { signInThrottle } from '@/db/schema';
import { unique } from '@/test/factories';
import { reserveAttempt } from './attempt-counter';

const rule = { free: 5, firstBlockSeconds: 30, maxBlockSeconds: 900, decaySeconds: 300 };

describe('the attempt counter', () => {
  it('counts a whole point per attempt, even for an attempt that waited for the row lock', async () => {
    const key = `test:${unique()}`;
    // The attempt before this one finished after this one's transaction began: its
    // `updated_at` is later than this transaction's now(). That is no time passed.
    await db.insert(signInThrottle).values({ key, score: 3, updatedAt: sql`now() + interval '2 seconds'` });
    expect(await reserveAttempt([{ key, rule }])).toEqual({ allowed: true });
    const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, key));
    expect(row!.score).toBe(4);
    expect(row!.blockedUntil).toBeNull();
  });

  it('refuses, for the first block, once an attempt has reached the free limit', async () => {
    const key = `test:${unique()}`;
    for (let i = 0; i < 4; i++) expect(await reserveAttempt([{ key, rule }])).toEqual({ allowed: true });
    expect(await reserveAttempt([{ key, rule }])).toEqual({ allowed: true });
    const refused = await reserveAttempt([{ key, rule }]);
    expect(refused).toMatchObject({ allowed: false, newlyRefused: [key] });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(28);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(30);
  });
});
