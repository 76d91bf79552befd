/**
 * Readers for the chaos run: each loops over the reader site's kinds of request as fast as
 * answers come, and records what it got, so that afterwards the run can tell which answers
 * fell in which fault and whether anyone was shown a story that was not published.
 */
import http from 'node:http';
import type { BenchFacts } from '../bench/bench-data';
import { request } from '../bench/http';
import { searchQueries } from '../bench/routes';

export type ReaderKind = 'home' | 'article' | 'section' | 'search' | 'view' | 'chaos-story';

export type ReaderRecord = {
  kind: ReaderKind;
  path: string;
  /** Milliseconds since the run began, when the request was sent and when its answer ended. */
  start: number;
  end: number;
  /** 0 when no answer came (refused, reset, timed out). */
  status: number;
  /** For a chaos story: its id, and whether the answer showed its headline. */
  articleId?: string;
  sawStory?: boolean;
  /** Why no answer came. */
  error?: string;
};

/**
 * A reader reads for a moment before the next click (1.5 to 4.5 s). Without it 200 readers
 * are 200 connections in a tight loop, more than two shared cores serve, and every fault
 * drowns in queueing (docs/reliability.md).
 */
const THINK_MS = 3_000;
/** Archive stories readers open: a long tail, but one a cache can hold, as on a real site. */
const ARCHIVE_STORIES_READ = 300;

/** A story the editors publish and unpublish during the run, as readers may ask for it. */
export type WatchedStory = { articleId: string; slug: string; headline: string };

export type ReaderParams = {
  baseUrl: string;
  readers: number;
  until: number;
  clock: () => number;
  facts: BenchFacts;
  /** Read at each request: the editors fill it in as their stories get addresses. */
  watched: () => WatchedStory[];
  hotArticleId: string;
};

export async function runReaders(params: ReaderParams): Promise<ReaderRecord[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: params.readers });
  const records: ReaderRecord[] = [];
  const queries = searchQueries();
  const { facts } = params;
  const pick = (n: number): { kind: ReaderKind; path: string; story?: WatchedStory } => {
    const roll = n % 20;
    if (roll < 3) return { kind: 'home', path: '/' };
    if (roll < 6) return { kind: 'article', path: `/articles/${facts.hotArticle.slug}` };
    if (roll < 9) return { kind: 'article', path: archivePath(facts, n) };
    if (roll < 11) return { kind: 'section', path: sectionPath(facts, roll) };
    if (roll < 13) return { kind: 'search', path: `/search?q=${encodeURIComponent(queries[n % queries.length]!)}` };
    if (roll < 15) return { kind: 'view', path: '/api/views' };
    const watched = params.watched();
    const story = watched[n % Math.max(1, watched.length)];
    return story ? { kind: 'chaos-story', path: `/articles/${story.slug}`, story } : { kind: 'home', path: '/' };
  };
  await Promise.all(
    Array.from({ length: params.readers }, async (_, reader) => {
      for (let n = reader; params.clock() < params.until; n += params.readers) {
        const { kind, path, story } = pick(n);
        const start = params.clock();
        let status = 0;
        let sawStory: boolean | undefined;
        let error: string | undefined;
        try {
          const view = kind === 'view';
          const response = await request(`${params.baseUrl}${path}`, {
            agent,
            timeoutMs: 15_000,
            method: view ? 'POST' : 'GET',
            headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) chaos-reader', ...(view ? { 'Content-Type': 'application/json' } : {}) },
            body: view ? Buffer.from(JSON.stringify({ id: params.hotArticleId })) : undefined,
          });
          status = response.status;
          if (story) sawStory = response.status === 200 && response.body.toString('utf8').includes(escapeHtml(story.headline));
        } catch (caught) {
          // No answer: the app is down or restarting.
          error = (caught as Error).message.slice(0, 120);
        }
        records.push({ kind, path, start, end: params.clock(), status, ...(story ? { articleId: story.articleId, sawStory } : {}), ...(error ? { error } : {}) });
        await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + ((n * 37) % 100) / 100)));
      }
    }),
  );
  agent.destroy();
  return records;
}

const archivePath = (facts: BenchFacts, i: number) =>
  `/articles/archive-story-${1 + ((i * 7919) % Math.max(1, Math.min(ARCHIVE_STORIES_READ, facts.archiveStories)))}`;
const sectionPath = (facts: BenchFacts, i: number) => (i % 2 === 1 ? facts.section.path : `${facts.section.path}?page=2`);

/** Every page readers will ask for, asked once, four at a time. */
export async function warmUp(baseUrl: string, facts: BenchFacts, log: (line: string) => void): Promise<void> {
  const paths = ['/', `/articles/${facts.hotArticle.slug}`, sectionPath(facts, 1), sectionPath(facts, 0)];
  for (let i = 0; i < ARCHIVE_STORIES_READ; i++) paths.push(archivePath(facts, i));
  const unique = [...new Set(paths)];
  const started = Date.now();
  for (let i = 0; i < unique.length; i += 4) {
    await Promise.all(unique.slice(i, i + 4).map((path) => request(`${baseUrl}${path}`, { timeoutMs: 30_000 }).catch(() => undefined)));
  }
  log(`Warmed ${unique.length} reader pages in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}
