/**
 * `npm run security`: attacks a production build of Masthead, at loopback, the way an
 * outsider's tools would, and fails on any finding. docs/security.md says what it covers.
 *
 * 1. Builds and starts the app on its own freshly seeded database (`masthead_security`).
 * 2. wapiti against the reader site (modules and accepted findings in wapiti.ts).
 * 3. The shared attack lists typed into every field a person can type into, and every page
 *    that shows them opened in Chromium (hostile/campaign.ts).
 * 4. sqlmap against search, article, list and paging routes and the sign-in form.
 * The app's log is watched all along: an error it logs is a finding (server-log.ts).
 * Prints a summary and writes security-reports/security-<time>.json.
 *
 * The app listens on SECURITY_PORT (3104), its collaboration server on SECURITY_COLLAB_PORT
 * (4106), the database is SECURITY_DATABASE (masthead_security).
 * SECURITY_SKIP_BUILD=1 reuses the last build; SECURITY_ONLY=wapiti,sqlmap,hostile-input
 * runs some checks; SECURITY_PAYLOADS=N takes an even spread of N payloads for a quick run.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { startProductionServer } from '../lib/production-server';
import { runHostileInput } from './hostile/campaign';
import { printSummary, REPORT_FOLDER, timed, writeReport, type CheckResult, type Tool } from './report';
import { watchServerLog } from './server-log';
import { captureSignInRequest, saveSignedInState } from './sign-in';
import { runSqlmap, type SqlmapTarget } from './sqlmap';
import { ensureAptTools } from './tools';
import { runWapiti } from './wapiti';

const PORT = Number(process.env.SECURITY_PORT ?? 3104);
const ENDPOINT_PORT = Number(process.env.SECURITY_ENDPOINT_PORT ?? 4105);
/** The collaboration server, which the story editor (and so the hostile input's story text) types through. */
const COLLAB_PORT = Number(process.env.SECURITY_COLLAB_PORT ?? 4106);
const DEMO_PASSWORD = 'masthead-demo';
const LIST_PAGE_SIZE = 20;
const only = new Set((process.env.SECURITY_ONLY ?? 'wapiti,sqlmap,hostile-input').split(',') as Tool[]);
const work = resolve(REPORT_FOLDER, 'work');

const started = Date.now();
if (only.has('wapiti')) ensureAptTools(['wapiti']);
if (only.has('sqlmap')) ensureAptTools(['sqlmap']);
mkdirSync(work, { recursive: true });

// The scanners and the hostile input search thousands of times from this one address; the
// per-address search limit (issue 9, item 15, tested on its own) would turn them away.
process.env.SEARCH_LIMIT_PER_MINUTE ??= '1000000';
const serverLog = watchServerLog();
const server = await startProductionServer({
  database: process.env.SECURITY_DATABASE ?? 'masthead_security',
  port: PORT,
  build: process.env.SECURITY_SKIP_BUILD !== '1',
  onServerOutput: serverLog.take,
  collab: { port: COLLAB_PORT },
});
// The hostile input reads working copies back as the collaboration server does (the app's database handle).
process.env.DATABASE_URL = server.databaseUrl;
const results: CheckResult[] = [];
const check = async (tool: Tool, run: () => Promise<Omit<CheckResult, 'tool' | 'seconds'>>) => {
  serverLog.during(tool);
  const result = await timed(tool, run);
  result.findings.push(...serverLog.findingsFor(tool));
  results.push(result);
};
try {
  const origin = server.url;
  // Signed in before anything else: the scanners' failed sign-ins may block this address.
  // Order: wapiti on the seeded site; the hostile input; sqlmap last, when lists are long.
  const adminState = join(work, 'admin-session.json');
  if (only.has('hostile-input')) await saveSignedInState(origin, 'admin@example.com', DEMO_PASSWORD, adminState);
  const known = await knownAddresses(server.databaseUrl);

  if (only.has('wapiti')) {
    await check('wapiti', () => runWapiti({
      baseUrl: origin,
      startPaths: ['/', '/search?q=harbour', `/sections/${known.section}?page=${known.sectionPage}`, `/articles/${known.article}`, `/tags/${known.tag}`, `/authors/${known.author}`, '/login?next=%2Fnewsroom'],
      folder: join(work, 'wapiti'),
      endpointPort: ENDPOINT_PORT,
      maxMinutes: Number(process.env.SECURITY_WAPITI_MINUTES ?? 12),
    }));
  }
  if (only.has('hostile-input')) {
    await check('hostile-input', () => runHostileInput({ origin, databaseUrl: server.databaseUrl, collabUrl: `ws://127.0.0.1:${COLLAB_PORT}`, storageState: adminState }));
  }
  if (only.has('sqlmap')) {
    await check('sqlmap', async () => {
      // Aimed after the hostile input, whose stories make the lists long enough to page.
      const lists = await knownAddresses(server.databaseUrl);
      const signIn = join(work, 'sign-in-request.txt');
      await captureSignInRequest(origin, signIn);
      // Not aimed at `/sections/x/page/N`: the proxy answers it with a 301 to `?page=N` before
      // any query runs, and that address is a target of its own.
      const targets: SqlmapTarget[] = [
        { name: 'search', url: `${origin}/search?q=harbour&page=1` },
        { name: 'article', url: `${origin}/articles/${lists.article}*` },
        { name: 'section-list-and-paging', url: `${origin}/sections/${lists.section}*?page=${lists.sectionPage}*` },
        { name: 'author-list-and-paging', url: `${origin}/authors/${lists.author}*?page=${lists.authorPage}*` },
        { name: 'tag-list-and-paging', url: `${origin}/tags/${lists.tag}*?page=${lists.tagPage}*` },
        { name: 'sign-in-form', requestFile: signIn },
        {
          name: 'auth-credentials-callback',
          url: `${origin}/api/auth/callback/credentials`,
          extra: ['--data', 'csrfToken=0&email=sqlmap-probe%40example.com*&password=probe*', '--csrf-token=csrfToken', `--csrf-url=${origin}/api/auth/csrf`],
        },
      ];
      return runSqlmap({ targets, folder: join(work, 'sqlmap') });
    });
  }
} finally {
  await server.stop();
}
const seconds = (Date.now() - started) / 1000;
const clean = printSummary(results, seconds);
console.log(`Report: ${writeReport(results, { ranAt: new Date().toISOString(), seconds: Math.round(seconds), payloads: process.env.SECURITY_PAYLOADS ?? 'all' })}`);
process.exit(clean ? 0 : 1);

/**
 * A published story, and the section, author and tag with the most live stories, each with
 * a page number that exists (2 when the list is that long): sqlmap gives up on a 404.
 */
async function knownAddresses(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const live = sql`a.status = 'published'`;
  try {
    const [article] = await sql<{ slug: string }[]>`select slug from articles a where ${live} order by published_at desc limit 1`;
    const [section] = await sql<{ slug: string; n: number }[]>`select s.slug, count(*)::int as n from sections s join articles a on a.section_id = s.id where ${live} group by s.slug order by n desc limit 1`;
    const [author] = await sql<{ slug: string; n: number }[]>`select u.slug, count(*)::int as n from users u join article_bylines b on b.user_id = u.id join articles a on a.id = b.article_id where ${live} group by u.slug order by n desc limit 1`;
    const [tag] = await sql<{ slug: string; n: number }[]>`select t.slug, count(*)::int as n from tags t join article_tags x on x.tag_id = t.id join articles a on a.id = x.article_id where ${live} group by t.slug order by n desc limit 1`;
    if (!article || !section || !author || !tag) throw new Error('The database has no published story, section, author or tag to aim at');
    const page = (n: number) => (n > LIST_PAGE_SIZE ? 2 : 1);
    return { article: article.slug, section: section.slug, sectionPage: page(section.n), author: author.slug, authorPage: page(author.n), tag: tag.slug, tagPage: page(tag.n) };
  } finally {
    await sql.end();
  }
}
