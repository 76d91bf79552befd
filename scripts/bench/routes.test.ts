import { describe, expect, it } from 'vitest';
import { coldArticlePaths, searchQueries } from './routes';

describe('cold article addresses', () => {
  it('never repeats a story, and the fresh and used runs never share one', () => {
    const fresh = coldArticlePaths(100_000, 0, 50_000);
    const used = coldArticlePaths(100_000, 1, 50_000);
    expect(new Set(fresh).size).toBe(50_000);
    expect(new Set([...fresh, ...used]).size).toBe(100_000);
    const numbers = [...fresh, ...used].map((path) => Number(path.replace('/articles/archive-story-', '')));
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(100_000);
  });

  it('asks for scattered stories, not neighbours', () => {
    const [first, second] = coldArticlePaths(100_000, 0, 2);
    expect(first).not.toBe(second);
    expect(Math.abs(Number(first!.split('-').at(-1)) - Number(second!.split('-').at(-1)))).toBeGreaterThan(1000);
  });
});

describe('search queries', () => {
  it('are 50 realistic queries with phrases, exclusions and or', () => {
    const queries = searchQueries();
    expect(queries).toHaveLength(50);
    expect(new Set(queries).size).toBe(50);
    expect(queries.filter((q) => q.includes('"')).length).toBeGreaterThanOrEqual(10);
    expect(queries.filter((q) => / -\w/.test(q)).length).toBeGreaterThanOrEqual(5);
    expect(queries.some((q) => / or /.test(q))).toBe(true);
  });
});
