import { describe, expect, it } from 'vitest';
import { keepScroll, MAX_AGE_MS, takeKeptScroll } from './kept-scroll';

function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the scroll position kept across an unasked reload', () => {
  it('comes back once, for the same blog only', () => {
    const store = memoryStore();
    keepScroll(store, 'blog-a', 1834.6, 1_000);
    expect(takeKeptScroll(store, 'blog-b', 2_000)).toBeNull();
    expect(takeKeptScroll(store, 'blog-a', 2_000)).toBe(1835);
    expect(takeKeptScroll(store, 'blog-a', 2_100)).toBeNull();
    expect(store.items.size).toBe(0);
  });

  it('is dropped when old, so a reload that never happened does not move a later visit', () => {
    const store = memoryStore();
    keepScroll(store, 'blog-a', 900, 1_000);
    expect(takeKeptScroll(store, 'blog-a', 1_000 + MAX_AGE_MS + 1)).toBeNull();
    expect(store.items.size).toBe(0);
  });

  it('ignores what it did not write', () => {
    const store = memoryStore();
    for (const junk of ['not json', '{"y":"12","at":1000}', '{"y":-5,"at":1000}', 'null']) {
      store.setItem('masthead:live-scroll:blog-a', junk);
      expect(takeKeptScroll(store, 'blog-a', 1_500)).toBeNull();
    }
  });
});
