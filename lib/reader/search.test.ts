import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { sample, sqlPayloads, xssPayloads } from '@/test/attack-payloads';
import { createArticle, createSection, unique } from '@/test/factories';
import { phrasePairs } from './search-phrases';
import { parseSnippet, runSearch, SEARCH_LIMITS, searchArticles, searchQuerySchema } from './search';

describe('search', () => {
  const run = (q: string, extra: Partial<Parameters<typeof searchArticles>[0]> = {}) =>
    searchArticles({ q, page: 1, ...extra }).then((r) => r.hits.map((h) => h.story.id));

  it('understands phrases, exclusions and "or", and ranks headlines above bodies', async () => {
    const w = `qx${unique()}`;
    const headline = await createArticle({ status: 'published', headline: `${w} ferry strike`, body: ['Nothing else.'] });
    const body = await createArticle({ status: 'published', headline: 'Other news', body: [`The ${w} ferry strike went on.`] });
    const other = await createArticle({ status: 'published', headline: `${w} strike ferry`, body: ['Words out of order.'] });

    expect(await run(w)).toEqual(expect.arrayContaining([headline.id, body.id, other.id]));
    expect((await run(w))[0]).not.toBe(body.id);
    expect(await run(`"${w} ferry strike"`)).toEqual(expect.arrayContaining([headline.id, body.id]));
    expect(await run(`"${w} ferry strike"`)).not.toContain(other.id);
    expect(await run(`${w} -order`)).not.toContain(other.id);
    const w2 = `qy${unique()}`;
    const second = await createArticle({ status: 'published', headline: `${w2} report` });
    expect(await run(`${w} or ${w2}`)).toEqual(expect.arrayContaining([headline.id, second.id]));
  });

  it('filters by section and date, and highlights matches in a snippet', async () => {
    const w = `qz${unique()}`;
    const section = await createSection();
    const inSection = await createArticle({ status: 'published', headline: `${w} one`, sectionId: section.id, body: [`Before the ${w} after.`] });
    await createArticle({ status: 'published', headline: `${w} two` });
    expect(await run(w, { section: section.slug })).toEqual([inSection.id]);
    expect(await run(w, { from: '2000-01-01', to: '2000-12-31' })).toEqual([]);

    const [hit] = (await searchArticles({ q: w, page: 1, section: section.slug })).hits;
    expect(hit!.snippet.filter((part) => part.match).map((part) => part.text)).toEqual([w]);
  });

  it('answers from the newest stories when a query is common, and from the index when it is rare', async () => {
    const w = `qc${unique()}`;
    // Dated a day ahead, so they are the newest published stories whatever else the database holds.
    const ahead = (hours: number) => new Date(Date.now() + (24 + hours) * 3_600_000);
    const stories = [];
    for (let i = 0; i < 6; i++) {
      stories.push(await createArticle({ status: 'published', headline: `${w} report ${i}`, publishedAt: ahead(i) }));
    }
    const newestFirst = stories.map((story) => story.id).reverse();
    const ids = (results: Awaited<ReturnType<typeof runSearch>>) => results.hits.map((hit) => hit.story.id);
    const query = searchQuerySchema.parse({ q: w });

    // The sample of the newest four is all matches: walked, ranked among the newest three.
    const common = await runSearch(query, { countCap: 2, rankedCandidates: 3, sample: 4, maxWalk: 4, maxRecentWindow: 4 });
    expect(common).toMatchObject({ total: 2, totalIsCapped: true, plan: 'walk' });
    expect(ids(common).sort()).toEqual(newestFirst.slice(0, 3).sort());

    // Less common than a walk can serve (the sample of one says a window of four is needed,
    // the walk may read one): that window, through the index.
    const indexed = await runSearch(query, { countCap: 3, rankedCandidates: 4, sample: 1, maxWalk: 1, maxRecentWindow: 20 });
    expect(indexed).toMatchObject({ total: 3, totalIsCapped: true, plan: 'window' });
    expect(ids(indexed).sort()).toEqual(newestFirst.slice(0, 4).sort());

    // A window too short to be sure: the index finds every match.
    const rare = await runSearch(query, { countCap: 100, rankedCandidates: 100, sample: 2, maxWalk: 2, maxRecentWindow: 2 });
    expect(rare).toMatchObject({ total: 6, totalIsCapped: false, plan: 'index' });
    expect(ids(rare).sort()).toEqual([...newestFirst].sort());

    // The same answer as the default limits give.
    expect(ids(await runSearch(query, SEARCH_LIMITS)).sort()).toEqual(ids(rare).sort());
  });

  it('looks deeper through the index when the sample flattered a query and the walk came up short', async () => {
    const w = `qs${unique()}`;
    const section = await createSection(); // its own list: these are its only stories
    const hours = (n: number) => new Date(Date.now() - n * 3_600_000);
    const made = [];
    // Oldest first: four matches, two others, then the newest, a match.
    for (const [i, matches] of [true, true, true, true, false, false, true].entries()) {
      made.push(await createArticle({ status: 'published', headline: matches ? `${w} item ${i}` : `Other item ${i}`, sectionId: section.id, publishedAt: hours(10 - i) }));
    }
    const matching = made.filter((_, i) => i !== 4 && i !== 5).map((story) => story.id);
    // The sample (the newest story) says a walk of three will do; it finds one match, so a
    // window of seven is asked of the index, and ranks the newest three of its five matches.
    const results = await runSearch(searchQuerySchema.parse({ q: w, section: section.slug }), { countCap: 2, rankedCandidates: 3, sample: 1, maxWalk: 3, maxRecentWindow: 20 });
    expect(results).toMatchObject({ total: 2, totalIsCapped: true, plan: 'window' });
    expect(results.hits.map((hit) => hit.story.id).sort()).toEqual(matching.slice(-3).sort());
  });

  it('finds a query that none of the newest stories match, through the index', async () => {
    const w = `qo${unique()}`;
    // Dated a year back: the sample of the newest stories cannot hold it.
    const old = await createArticle({ status: 'published', headline: `${w} archive`, publishedAt: new Date(Date.now() - 365 * 86_400_000) });
    await createArticle({ status: 'published', headline: 'Newer story', publishedAt: new Date(Date.now() + 48 * 3_600_000) });
    const results = await runSearch(searchQuerySchema.parse({ q: w }), { countCap: 5, rankedCandidates: 6, sample: 1, maxWalk: 10, maxRecentWindow: 10 });
    expect(results).toMatchObject({ total: 1, totalIsCapped: false, plan: 'index' });
    expect(results.hits.map((hit) => hit.story.id)).toEqual([old.id]);
  });

  it('pages through every match, ten at a time, each with its own snippet', async () => {
    const w = `qp${unique()}`;
    const stories = [];
    for (let i = 0; i < 12; i++) stories.push(await createArticle({ status: 'published', headline: `${w} item ${i}`, body: [`Body ${i} mentions ${w}.`] }));
    const first = await runSearch(searchQuerySchema.parse({ q: w }));
    const second = await runSearch(searchQuerySchema.parse({ q: w, page: 2 }));
    expect(first).toMatchObject({ total: 12, totalIsCapped: false, totalPages: 2 });
    expect(second.total).toBe(12);
    expect(first.hits).toHaveLength(10);
    expect(second.hits).toHaveLength(2);
    const ids = [...first.hits, ...second.hits].map((hit) => hit.story.id);
    expect([...ids].sort()).toEqual(stories.map((story) => story.id).sort());
    // Each snippet is its own story's text.
    for (const hit of [...first.hits, ...second.hits]) {
      const i = stories.findIndex((story) => story.id === hit.story.id);
      expect(hit.snippet.map((part) => part.text).join('')).toContain(`Body ${i} `);
    }
  });

  it('finds every story a phrase matches through the index of word pairs, and no story that only holds its words', async () => {
    const w = `qh${unique()}`;
    const phrase = await createArticle({ status: 'published', headline: `${w} night market reopens`, body: ['The fish market stays shut.'] });
    const apart = await createArticle({ status: 'published', headline: `${w} market at night`, body: ['Fish were sold at the night-time stalls.'] });
    const query = searchQuerySchema.parse({ q: `${w} ("night market" or "fish market")` });
    expect((await runSearch(query)).hits.map((hit) => hit.story.id)).toEqual([phrase.id]);
    expect(await run(`${w} night market`)).toEqual(expect.arrayContaining([phrase.id, apart.id]));
  });

  it('never asks the pairs index for a pair a matching story lacks', async () => {
    // Hyphens, numbers, stop words, repeated words, headline meeting deck, quotes and long text.
    const cases: [text: string, query: string][] = [
      ['Covid-19 cases rose at the city council', '"covid-19 cases" "city council"'],
      ['The state of the art ferry', '"state of the art ferry"'],
      ['market market night market fish', '"night market" or "fish market"'],
      ["O'Neil said the talks stall. Harbour strike", `"o'neil said" "stall harbour" -"city council"`],
      [`${'word '.repeat(10_000)} night market`, '"night market"'],
    ];
    for (const [text, q] of cases) {
      const [row] = await db.execute<{ matches: boolean; text: string }>(
        sql`select to_tsvector('english', ${text}) @@ websearch_to_tsquery('english', ${q}) as matches, websearch_to_tsquery('english', ${q})::text as text`,
      );
      expect(row!.matches, q).toBe(true);
      const pairs = phrasePairs(row!.text);
      expect(pairs, q).not.toBeNull();
      const [check] = await db.execute<{ holds: boolean }>(sql`select search_pairs(to_tsvector('english', ${text})) @@ ${pairs}::tsquery as holds`);
      expect(check!.holds, `${q} → ${pairs}`).toBe(true);
    }
  });

  it('builds a valid pairs query from any input, attack payloads included, quoted or not', async () => {
    const inputs = [...sqlPayloads(), ...xssPayloads()].flatMap((payload) => [payload, `"${payload}"`, `"${payload} harbour" or "x ${payload}"`]);
    inputs.push(`"o'neil's \\ back\\slash"`, `"a''b c"`, `"'quoted' words"`, `"c:* d:AB"`, `"x & y | z"`, `"(a <-> b) !c"`);
    const queries = await db.execute<{ text: string }>(sql`select websearch_to_tsquery('english', q)::text as text from jsonb_array_elements_text(${JSON.stringify(inputs)}::jsonb) q`);
    const pairs = queries.map((row) => phrasePairs(row.text)).filter((query): query is string => query !== null);
    expect(pairs.length).toBeGreaterThan(1000);
    // One cast of each: a malformed one would fail the whole statement (and a search with a 500).
    const [valid] = await db.execute<{ count: number }>(sql`select count(p::tsquery)::int as count from jsonb_array_elements_text(${JSON.stringify(pairs)}::jsonb) p`);
    expect(valid!.count).toBe(pairs.length);
    for (const q of sample(inputs, 30)) await expect(runSearch(searchQuerySchema.parse({ q }))).resolves.toBeDefined();
  });

  it('treats malformed input as no filter, never as an error', async () => {
    const parsed = searchQuerySchema.parse({ q: 'x'.repeat(500), section: '<script>', from: '2024-99-99', page: '-3' });
    expect(parsed).toEqual({ q: '', section: undefined, from: undefined, to: undefined, page: 1 });
    expect((await searchArticles(searchQuerySchema.parse({ q: `'); drop table articles; --` }))).hits).toEqual([]);
    expect((await searchArticles(searchQuerySchema.parse({ q: 'the' }))).total).toBe(0);
  });

  it('searches past control characters (a NUL made PostgreSQL refuse the query)', async () => {
    const w = `qn${unique()}`;
    const story = await createArticle({ status: 'published', headline: `${w} harbour` });
    const parsed = searchQuerySchema.parse({ q: `${w}\u0000harbour\u0007` });
    expect(parsed.q).toBe(`${w} harbour`);
    expect(await run(parsed.q)).toEqual([story.id]);
  });

  it('splits marked snippets without trusting their markup', () => {
    expect(parseSnippet('a \u0002b\u0003 <i>c</i>')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' <i>c</i>', match: false },
    ]);
  });
});
