import { describe, expect, it } from 'vitest';
import type { BenchFacts } from './bench-data';
import { coldArticlePaths, readerRoutes, searchQueries } from './routes';

const list = (path: string) => ({ path, lastPage: 40, deepPage: 40 });
const facts: BenchFacts = {
  hotArticle: { slug: 'hot-story', headline: 'Hot story' },
  section: { id: 1, ...list('/sections/port-calder') },
  author: list('/authors/mira-castellanos'),
  tag: list('/tags/housing'),
  archiveStories: 2000,
  liveBlog: { articleId: '0b9a3f8e-5c3d-4f7a-9a51-2f2d9e1c7b44', slug: 'summit-live', lastSeq: 2000 },
  editors: [],
  draft: { headline: 'Hot story', deck: '', sectionId: 1, tags: [], heroMediaId: null, seoTitle: '', seoDescription: '', embargoUntil: null, body: null },
};

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

describe('live blog routes', () => {
  it('load the live blog page from cache and poll its updates endpoint as a current reader page does', () => {
    for (const phase of [0, 1] as const) {
      const routes = new Map(readerRoutes(facts, phase).map((route) => [route.name, route]));
      expect(routes.get('live-blog')).toMatchObject({ path: '/articles/summit-live', warm: true, expect: 'Live updates' });
      // The reader's page asks "since" the newest update it shows, so nothing is new: the cached answer.
      expect(routes.get('live-updates')).toMatchObject({ path: '/api/live/0b9a3f8e-5c3d-4f7a-9a51-2f2d9e1c7b44?since=2000', warm: true, expect: '"newUpdates":0' });
    }
  });
});
