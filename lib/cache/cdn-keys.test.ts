import { describe, expect, it } from 'vitest';
import { articleKeys, boundedKeys, cdnKeyHeaders, MAX_KEY_HEADER_BYTES, purgeKeys } from './cdn-keys';

const story = { id: '0b5c8f1e-5d2a-4d36-9a53-2f0f5b6f6c11', slug: 'harbour-ferry-returns' };

describe('CDN keys', () => {
  it('names an article page by its story, slug, live blog and the lists and parts it shows', () => {
    const headers = cdnKeyHeaders(articleKeys(story));
    expect(headers['Surrogate-Key'].split(' ')).toEqual(
      expect.arrayContaining([`article:${story.id}`, `slug:${story.slug}`, `live:${story.id}`, 'published-lists', 'most-popular', 'breaking-banner', 'site-settings', 'sections']),
    );
    expect(headers['Cache-Tag']).toBe(headers['Surrogate-Key'].replaceAll(' ', ','));
  });

  it('keeps keys header-safe: no spaces, commas or non-ASCII', () => {
    const [key] = boundedKeys(['slug:서울 항구,new']);
    expect(key).toBe('slug:%EC%84%9C%EC%9A%B8%20%ED%95%AD%EA%B5%AC%2Cnew');
    expect(purgeKeys(['slug:서울 항구,new'])).toContain(key);
  });

  it('falls back to any-story when the keys would pass the limit, and every story purge names it', () => {
    const long = { id: story.id, slug: 'x'.repeat(MAX_KEY_HEADER_BYTES) };
    const headers = cdnKeyHeaders(articleKeys(long));
    expect(Buffer.byteLength(headers['Surrogate-Key'])).toBeLessThanOrEqual(MAX_KEY_HEADER_BYTES);
    expect(headers['Surrogate-Key'].split(' ')).toEqual(expect.arrayContaining(['any-story', 'published-lists', 'most-popular']));
    expect(headers['Surrogate-Key']).not.toContain('slug:');
    expect(purgeKeys([`slug:${long.slug}`])).toContain('any-story');
    expect(purgeKeys(['breaking-banner'])).toEqual(['breaking-banner']);
  });
});
