import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { chromium, type Page } from '@playwright/test';
import type { CheckResult } from '../report';
import { PayloadFeed, type Field } from './batches';
import { typeIntoTheRealForms, typeIntoSignIn } from './newsroom-ui';
import { allPayloads } from './payloads';
import { isolatedChromiumArgs, watchContext, type Sighting } from './page-watch';
import { uploadPictures } from './pictures';
import { actionIds } from './server-actions';
import { act, count, visit, type Campaign } from './session';
import { expectLongValuesRefused, publishHostileStory, type StoryPlan } from './stories';

const BATCH = 20; // a list page's length: each batch of stories fills page 1 of its lists
const PICTURES = 6;
const DEFAULT_STORIES = 200;
const SEARCHES_PER_BATCH = 20;
const WORKERS = Number(process.env.SECURITY_WORKERS) || 2; // browser pages at work at once

/**
 * Types the attack lists into every field a person can type into, publishes, and opens
 * every page that shows them in Chromium, watching for dialogs, injected markup, scripts
 * that ran, requests off-site and server errors; checks what was stored against what was
 * typed. See docs/security.md for what is covered how.
 */
export async function runHostileInput(params: { origin: string; databaseUrl: string; collabUrl: string; storageState: string }): Promise<Omit<CheckResult, 'tool' | 'seconds'>> {
  const started = Date.now();
  const feed = new PayloadFeed(allPayloads());
  const sql = postgres(params.databaseUrl, { max: 1, onnotice: () => {} });
  const [section] = await sql<{ id: number; slug: string }[]>`select id, slug from sections order by position, id limit 1`;
  const staff = await sql<{ id: string; slug: string; email: string }[]>`select id, slug, email from users where active order by email limit 10`;
  await sql.end();

  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: isolatedChromiumArgs });
  const sightings: Sighting[] = [];
  const context = await browser.newContext({ baseURL: params.origin, storageState: params.storageState });
  const watch = watchContext(context, params.origin, sightings);
  const page = await context.newPage();
  const c: Campaign = { origin: params.origin, runId: randomUUID().slice(0, 6), page, request: context.request, actions: actionIds(), sightings, findings: [], counts: {}, scan: watch.scan };
  try {
    const pictures = await uploadPictures(c.request, c.origin, PICTURES, c.runId);
    const plan: StoryPlan = { sectionId: section!.id, bylineIds: staff.map((s) => s.id), pictures, collabUrl: params.collabUrl };

    await typeIntoTheRealForms(c, watch, { pictures, feed });

    // The story text, link targets, notes, captions and the sign-in form take the whole list
    // in any run. One-line fields hold four or five payloads a story, so the whole list
    // through a headline takes ~1,700 published stories: SECURITY_FULL=1 runs that many
    // (and every search); the default takes an even share (coverage per field is reported).
    const full = process.env.SECURITY_FULL === '1';
    const stories = Number(process.env.SECURITY_STORIES) || (full ? feed.size('headline') : Math.min(DEFAULT_STORIES, feed.size('headline')));
    for (const field of ['headline', 'deck', 'seoTitle', 'seoDescription'] as const) feed.spreadOver(field, stories);
    feed.spreadOver('tag', stories * 20);
    const perStory = (field: Field, most: number) => Math.min(most, Math.ceil(feed.size(field) / stories));
    const bodyShare = Math.ceil(feed.payloads.length / stories);
    const batches = Math.ceil(stories / BATCH);
    const perBatch = (field: Field) => Math.ceil(feed.size(field) / batches);
    const pictureSaves = Math.max(pictures.length, perBatch('caption'));
    for (const field of ['alt', 'credit'] as const) feed.spreadOver(field, pictureSaves * batches);
    for (const field of ['name', 'jobTitle', 'bio'] as const) feed.spreadOver(field, staff.length * batches);
    if (!full) feed.spreadOver('search', SEARCHES_PER_BATCH * batches);
    const pages = [page, ...(await Promise.all(Array.from({ length: WORKERS - 1 }, () => context.newPage())))];
    for (let first = 0; first < stories; first += BATCH) {
      await refreshPicturesAndPeople(c, feed, pictures, staff, pictureSaves);
      const batch = Array.from({ length: Math.min(BATCH, stories - first) }, (_, i) => {
        const n = first + i;
        const values = {
          headline: feed.next('headline'),
          deck: feed.next('deck'),
          tags: Array.from({ length: perStory('tag', 20) }, () => feed.next('tag')),
          seoTitle: feed.next('seoTitle'),
          seoDescription: feed.next('seoDescription'),
          body: feed.payloads.slice(n * bodyShare, (n + 1) * bodyShare),
        };
        return () => (p: Page) => publishHostileStory(c, n, values, plan, p);
      });
      const published = (await inParallel(pages, batch.map((task) => task()))).filter((s) => s !== null);
      const last = published.at(-1);
      if (last && first === 0) await expectLongValuesRefused(c, params.collabUrl, last, feed.payloads.reduce((a, b) => (b.length > a.length ? b : a)));
      if (last) {
        for (let i = 0; i < perBatch('note'); i++) await act(c, 'addNoteAction', { articleId: last.id, body: feed.next('note') }, 'note');
        count(c, 'notes added', perBatch('note'));
        await openPagesShowingTheBatch(c, last, section!.slug, staff[0]!.slug);
      }
      const searches = Array.from({ length: full ? perBatch('search') : Math.min(SEARCHES_PER_BATCH, perBatch('search')) }, () => {
        const q = feed.next('search');
        return (p: Page) => visit(c, `/search?q=${encodeURIComponent(q)}`, 'search results', p);
      });
      await inParallel(pages, searches);
      console.log(`hostile input: ${Math.min(first + BATCH, stories)}/${stories} stories, ${c.counts['pages opened']} pages opened, ${Math.round((Date.now() - started) / 1000)} s, ${sightings.length + c.findings.length} findings so far`);
    }
    await typeIntoSignIn(c, browser, watch, feed);
  } finally {
    await browser.close();
  }
  const fields: Field[] = ['headline', 'deck', 'tag', 'seoTitle', 'seoDescription', 'alt', 'caption', 'credit', 'name', 'jobTitle', 'bio', 'note', 'search'];
  const coverage = Object.fromEntries(fields.map((f) => [`${f} %`, Math.round(feed.covered(f) * 100)]));
  return {
    covered: { payloads: feed.payloads.length, ...c.counts, ...coverage },
    findings: [...c.findings, ...sightings.map((s) => ({ tool: 'hostile-input' as const, kind: s.kind, where: s.where, detail: s.detail }))],
  };
}

/** Pictures' words and people's names change once a batch; every story of the batch shows them. */
async function refreshPicturesAndPeople(c: Campaign, feed: PayloadFeed, pictures: string[], staff: { id: string; slug: string }[], saves: number) {
  for (let i = 0; i < saves; i++) {
    const mediaId = pictures[i % pictures.length]!;
    const sent = { mediaId, altText: feed.next('alt'), caption: feed.next('caption'), credit: feed.next('credit') };
    const saved = await act(c, 'updateMediaTextAction', sent, 'picture words');
    if (saved.result?.ok) count(c, 'picture words saved');
  }
  for (const person of staff) {
    const saved = await act(c, 'updateProfileAction', { userId: person.id, displayName: feed.next('name'), slug: person.slug, jobTitle: feed.next('jobTitle'), bio: feed.next('bio'), photoMediaId: '' }, 'profile');
    if (saved.result?.ok) count(c, 'profiles saved');
  }
}

/** Every page, public and newsroom, that shows what the batch typed. */
async function openPagesShowingTheBatch(c: Campaign, story: { id: string; slug: string }, sectionSlug: string, authorSlug: string) {
  const pages = [
    ['/', 'home page'],
    [`/sections/${sectionSlug}`, 'section page'],
    [`/authors/${authorSlug}`, 'author page'],
    [`/search?q=${encodeURIComponent(`hostile ${c.runId}`)}`, 'search results'],
    [`/search?q=${encodeURIComponent(`hostile ${c.runId}`)}&page=2`, 'search results'],
    ['/newsroom', 'newsroom'],
    ['/newsroom/media', 'media library'],
    ['/newsroom/users', 'staff list'],
    [`/newsroom/articles/${story.id}`, 'story editor'],
    [`/newsroom/articles/${story.id}/history`, 'history'],
    [`/newsroom/articles/${story.id}/preview`, 'preview'],
  ];
  for (const [path, label] of pages) await visit(c, path!, label!);
  await visit(c, `/articles/${story.slug}`, 'article page');
  const tag = await c.page.locator('a[href^="/tags/"]').first().getAttribute('href').catch(() => null);
  if (tag) await visit(c, tag, 'tag page');
}

/** Runs tasks on a few browser pages at once, each page taking the next task when free. */
async function inParallel<T>(pages: Page[], tasks: ((page: Page) => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    pages.map(async (page) => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!(page);
      }
    }),
  );
  return results;
}
