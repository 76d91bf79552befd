/** The reader routes the bench loads, on a fresh server and again on a used one. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFacts, ListFacts } from './bench-data';
import type { BenchLiveBlog } from './live-data';

export type ReaderRoute = {
  name: string;
  label: string;
  /** The address wrk requests (or the first of `paths`). */
  path: string;
  /** Paths requested in turn (a different one each request). */
  paths?: string[];
  gzip?: boolean;
  /** Cache hits: requested a few times before the run so the run measures hits. */
  warm: boolean;
  /** Text the answer must contain, checked before the run. */
  expect?: string;
};

const SEARCH_QUERIES = fileURLToPath(new URL('./search-queries.txt', import.meta.url));

export function searchQueries(): string[] {
  return readFileSync(SEARCH_QUERIES, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
}

/**
 * Addresses of archive stories in a fixed scattered order: the fresh pass (part 0) takes
 * the first half of the archive and the used pass (part 1) the second, so neither asks for
 * a story the server has rendered before.
 */
export function coldArticlePaths(archiveStories: number, part: 0 | 1, count: number): string[] {
  const half = Math.floor(archiveStories / 2);
  const paths: string[] = [];
  // A multiplicative step coprime to `half` visits every story of the half once, scattered.
  const step = coprimeStep(half);
  for (let i = 0; i < Math.min(count, half); i++) paths.push(`/articles/archive-story-${part * half + 1 + ((i * step) % half)}`);
  return paths;
}

function coprimeStep(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let step = Math.max(1, Math.floor(n * 0.618));
  while (n > 1 && gcd(step, n) !== 1) step++;
  return step;
}

export function readerRoutes(facts: BenchFacts, phase: 0 | 1): ReaderRoute[] {
  const { hotArticle, section, author, tag } = facts;
  const article = `/articles/${hotArticle.slug}`;
  const cold = facts.archiveStories >= 1000 ? coldArticlePaths(facts.archiveStories, phase, 50_000) : [];
  const routes: ReaderRoute[] = [
    { name: 'home', label: 'home', path: '/', warm: true, expect: 'Latest' },
    { name: 'home-gzip', label: 'home, gzip', path: '/', gzip: true, warm: true },
    { name: 'article', label: 'article (hot)', path: article, warm: true, expect: hotArticle.headline },
    { name: 'article-gzip', label: 'article (hot), gzip', path: article, gzip: true, warm: true },
    { name: 'article-cold', label: 'article (cold: a new story each request)', path: cold[0] ?? article, paths: cold, warm: false },
    { name: 'section', label: 'section page 1', path: section.path, warm: true },
    { name: 'section-deep', label: `section page ${pageLabel(section)}`, path: `${section.path}?page=${section.deepPage}`, warm: true },
    { name: 'author', label: 'author page 1', path: author.path, warm: true },
    { name: 'tag', label: 'tag page 1', path: tag.path, warm: true },
    { name: 'search', label: 'search (50 queries in turn)', path: '/search?q=harbour', paths: searchQueries().map((q) => `/search?q=${encodeURIComponent(q)}`), warm: false },
    { name: 'feed', label: 'feed', path: '/feed.xml', warm: true },
    { name: 'news-sitemap', label: 'news sitemap', path: '/news-sitemap.xml', warm: true },
    ...liveBlogRoutes(facts.liveBlog),
  ];
  return cold.length ? routes : routes.filter((route) => route.name !== 'article-cold');
}

/**
 * The live blog's page (cached) and its "updates since" endpoint asked as a reader's page
 * asks it: since the newest update the page shows (components/site/live/live-updates-notice.tsx).
 */
export function liveBlogRoutes(blog: BenchLiveBlog): ReaderRoute[] {
  return [
    { name: 'live-blog', label: 'live blog page', path: `/articles/${blog.slug}`, warm: true, expect: 'Live updates' },
    { name: 'live-updates', label: 'live updates since the newest', path: `/api/live/${blog.articleId}?since=${blog.lastSeq}`, warm: true, expect: '"newUpdates":0' },
  ];
}

const pageLabel = (list: ListFacts) => `${list.deepPage.toLocaleString('en-US')}${list.deepPage < 5000 ? ' (the last)' : ''}`;

/** Addresses timed once each, before anything is cached: first visits (cold renders). */
export function firstVisitPaths(facts: BenchFacts): { label: string; path: string }[] {
  const lists = [facts.section, facts.author, facts.tag].flatMap((list) => [
    { label: `${list.path} page 1`, path: list.path },
    { label: `${list.path} page ${pageLabel(list)}`, path: `${list.path}?page=${list.deepPage}` },
  ]);
  return [{ label: 'home', path: '/' }, { label: 'article (the hot one)', path: `/articles/${facts.hotArticle.slug}` }, ...lists, { label: 'feed', path: '/feed.xml' }, { label: 'news sitemap', path: '/news-sitemap.xml' }];
}

/** A paths file for wrk's script. */
export function writePathsFile(dir: string, name: string, paths: string[]): string {
  const file = join(dir, `${name}.paths`);
  writeFileSync(file, `${paths.join('\n')}\n`);
  return file;
}
