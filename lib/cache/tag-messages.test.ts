import { describe, expect, it } from 'vitest';
import { MAX_NOTIFY_BYTES, tagMessages } from './tag-messages';

describe('tagMessages', () => {
  it('keeps a small change in one message', () => {
    expect(tagMessages('a', ['published-lists', 'authors'])).toEqual([
      JSON.stringify({ from: 'a', tags: ['published-lists', 'authors'] }),
    ]);
  });

  it('splits a change too large for one NOTIFY into messages under the limit, losing no tag', () => {
    const tags = Array.from({ length: 240 }, (_, i) =>
      i % 2 ? `slug:a-rather-long-headline-turned-into-an-address-${i}` : `article:${crypto.randomUUID()}`,
    );
    const messages = tagMessages('84c75988-8ade-4fb7-bf0c-9613ef9f5e4b', tags);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(Buffer.byteLength(message)).toBeLessThanOrEqual(MAX_NOTIFY_BYTES);
    expect(messages.flatMap((message) => (JSON.parse(message) as { tags: string[] }).tags)).toEqual(tags);
  });
});
