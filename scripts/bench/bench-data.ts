/**
 * The bench database: the demo newsroom, an archive of generated stories (scale-data.ts)
 * and 20 editor accounts for the autosave run; and the facts the routes are built from.
 */
import postgres from 'postgres';
import { hashPassword } from '@/lib/auth/password';
import { createBenchLiveBlog, findBenchLiveBlog, type BenchLiveBlog } from './live-data';
import { generateScaleData } from './scale-data';

export const BENCH_EDITORS = 20;
/** Only ever in the bench's own database, which is dropped and re-created on every run. */
export const BENCH_EDITOR_PASSWORD = 'bench-editor-password';
const benchEditorEmail = (n: number) => `bench-editor-${String(n).padStart(2, '0')}@example.com`;

export const HOT_ARTICLE = 'city-council-approves-2400-homes-on-former-shipyard-site';
export const SECTION = 'port-calder';
export const AUTHOR = 'mira-castellanos';
export const TAG = 'housing';
export const DEEP_PAGE = 5000;
/** The live blog's size: the "a blog with 2,000 updates must still open fast". */
export const LIVE_UPDATES = 2000;
const PAGE_SIZE = 20;

const open = (databaseUrl: string) => postgres(databaseUrl, { max: 1, onnotice: () => {} });

export async function prepareBenchData(databaseUrl: string, stories: number, log: (line: string) => void): Promise<void> {
  const sql = open(databaseUrl);
  try {
    const [row] = await sql`select count(*)::int as n from articles where slug like 'archive-story-%'`;
    const existing = row?.n ?? 0;
    if (existing >= stories) {
      if (stories > 0) log(`Reusing ${existing.toLocaleString('en-US')} archive stories.`);
    } else if (existing > 0) {
      throw new Error(`The bench database has ${existing} archive stories, fewer than --stories ${stories}: run without --reuse-data.`);
    } else {
      log(`Generating ${stories.toLocaleString('en-US')} archive stories…`);
      const started = Date.now();
      await generateScaleData(sql, stories, log);
      log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    }
    const passwordHash = await hashPassword(BENCH_EDITOR_PASSWORD);
    for (let n = 1; n <= BENCH_EDITORS; n++) {
      const name = `Bench Editor ${String(n).padStart(2, '0')}`;
      await sql`
        insert into users (email, password_hash, role, display_name, slug)
        values (${benchEditorEmail(n)}, ${passwordHash}, 'editor', ${name}, ${name.toLowerCase().replace(/ /g, '-')})
        on conflict do nothing`;
    }
    if (!(await findBenchLiveBlog(sql))) {
      const blog = await createBenchLiveBlog(sql, LIVE_UPDATES, [HOT_ARTICLE]);
      log(`Live blog /articles/${blog.slug} with ${LIVE_UPDATES.toLocaleString('en-US')} updates.`);
    }
  } finally {
    await sql.end();
  }
}

export type StoryFields = {
  headline: string;
  deck: string;
  slug: string;
  sectionId: number;
  tags: string[];
  bylineIds: string[];
  heroMediaId: string | null;
  seoTitle: string;
  seoDescription: string;
  embargoUntil: string | null;
  body: unknown;
};

/** A reader list (`/sections/x`, `/authors/x`, `/tags/x`): its address and its deep page. */
export type ListFacts = { path: string; lastPage: number; deepPage: number };

export type BenchFacts = {
  hotArticle: { slug: string; headline: string };
  section: ListFacts & { id: number };
  author: ListFacts;
  tag: ListFacts;
  archiveStories: number;
  /** A live blog, open, with LIVE_UPDATES updates: its page and its "updates since" endpoint. */
  liveBlog: BenchLiveBlog;
  editors: { id: string; email: string }[];
  /** The hot article's working copy, as the story editor sends it: what autosave posts. */
  draft: Omit<StoryFields, 'bylineIds' | 'slug'>;
};

export async function readBenchFacts(databaseUrl: string): Promise<BenchFacts> {
  const sql = open(databaseUrl);
  try {
    const [hot] = await sql`
      select r.headline, r.deck, r.section_id, r.body,
             coalesce((select array_agg(t.name order by t.name) from tags t where t.id = any(r.tag_ids)), '{}') as tags
      from articles a join article_revisions r on r.id = a.current_revision_id
      where a.slug = ${HOT_ARTICLE} and a.status = 'published'`;
    if (!hot) throw new Error(`The demo story ${HOT_ARTICLE} is missing from the bench database.`);
    const list = async (path: string, key: string): Promise<ListFacts> => {
      const [row] = await sql`select coalesce(max(position), 0)::int as entries from reader_list_entries where list_key = ${key}`;
      const lastPage = Math.max(1, Math.ceil(row!.entries / PAGE_SIZE));
      return { path, lastPage, deepPage: Math.min(DEEP_PAGE, lastPage) };
    };
    const [ids] = await sql`
      select (select id from sections where slug = ${SECTION}) as section,
             (select id from users where slug = ${AUTHOR}) as author,
             (select id from tags where slug = ${TAG}) as tag`;
    const [archive] = await sql`select count(*)::int as n from articles where slug like 'archive-story-%'`;
    const editors = await sql`select id, email from users where email like 'bench-editor-%' order by email`;
    const liveBlog = await findBenchLiveBlog(sql);
    if (!liveBlog) throw new Error('The bench database has no live blog: run without --reuse-data.');
    return {
      hotArticle: { slug: HOT_ARTICLE, headline: hot.headline },
      section: { id: ids!.section, ...(await list(`/sections/${SECTION}`, `section:${ids!.section}`)) },
      author: await list(`/authors/${AUTHOR}`, `author:${ids!.author}`),
      tag: await list(`/tags/${TAG}`, `tag:${ids!.tag}`),
      archiveStories: archive!.n,
      liveBlog,
      editors: editors.map((e) => ({ id: e.id as string, email: e.email as string })),
      draft: {
        headline: hot.headline,
        deck: hot.deck,
        sectionId: hot.section_id,
        tags: hot.tags,
        heroMediaId: null,
        seoTitle: '',
        seoDescription: '',
        embargoUntil: null,
        body: hot.body,
      },
    };
  } finally {
    await sql.end();
  }
}
