import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expireAgainAfterInFlightRenders, expireTagsInThisProcess, RE_EXPIRE_AFTER_MS } from './expire-in-process';

describe('expiring tags in this process', () => {
  afterEach(() => vi.useRealTimers());

  it('expires a page stored after the expiry by a render that began before it', () => {
    vi.useFakeTimers();
    const tag = `test-tag-${crypto.randomUUID()}`;
    expireTagsInThisProcess([tag]);
    expireAgainAfterInFlightRenders([tag]);
    const first = tagsManifest.get(tag)!.expired!;
    // A background render that read its data before the expiry stores its page now.
    vi.advanceTimersByTime(RE_EXPIRE_AFTER_MS[0]! - 100);
    const storedAt = first + RE_EXPIRE_AFTER_MS[0]! - 100;
    expect(tagsManifest.get(tag)!.expired).toBe(first); // still counts as fresh…
    vi.advanceTimersByTime(100);
    // …until the tag is marked again: later than the page, so the page is expired too.
    expect(tagsManifest.get(tag)!.expired).toBeGreaterThan(storedAt - 1);
    vi.advanceTimersByTime(RE_EXPIRE_AFTER_MS.at(-1)!);
    expect(tagsManifest.get(tag)!.expired).toBeGreaterThanOrEqual(first + RE_EXPIRE_AFTER_MS.at(-1)!);
  });
});
