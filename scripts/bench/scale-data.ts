import type postgres from 'postgres';

const ADJECTIVES = ['New', 'Old', 'Late', 'Early', 'Quiet', 'Busy', 'Rising', 'Falling', 'Local', 'National', 'Coastal', 'Northern', 'Southern', 'Eastern', 'Western'];
const SUBJECTS = ['harbour', 'council', 'ferry', 'budget', 'hospital', 'school', 'market', 'bridge', 'railway', 'festival', 'museum', 'stadium', 'library', 'factory', 'port', 'court', 'election', 'storm', 'union', 'bank'];
const EVENTS = ['plan approved', 'talks stall', 'costs rise', 'workers strike', 'deal signed', 'vote delayed', 'record broken', 'review ordered', 'funding cut', 'project opens', 'inquiry begins', 'prices fall'];
const SENTENCES = [
  'Officials said the decision followed months of negotiation between the city and residents.',
  'Critics argued that the numbers did not add up and asked for an independent review.',
  '"We have listened to every concern raised," a spokesperson told reporters on Tuesday.',
  'The measure passed by a narrow margin after a debate that lasted well into the night.',
  'Shop owners along the waterfront said trade had been slower than in previous years.',
  'Economists expect the effects to be felt most strongly by younger households.',
  'The union said its members would meet again next week to consider the offer.',
  'A report published last spring had warned of exactly this outcome.',
  'Visitors queued for hours on the first weekend, according to the organisers.',
  'The ministry declined to comment on the details while the review continues.',
  'Residents of the northern districts will be the first to notice the change.',
  'Engineers said the repairs would take at least another eighteen months.',
  'The festival drew performers from more than thirty countries this year.',
  'Fares will rise in January for the second time in as many years.',
  'Police said nobody was hurt and that the investigation was continuing.',
  'Doctors at the hospital described the last winter as the hardest they remember.',
];

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * Adds `count` published stories, older than the demo content, straight into the tables
 * the app reads (stories, revisions, bylines, tags, reader list numbering, search vectors,
 * daily views), in batches. Positions in the reader lists are numbered as the app would.
 */
export async function generateScaleData(sql: postgres.Sql, count: number, log: (line: string) => void): Promise<void> {
  const sections = (await sql`select id from sections order by id`).map((r) => r.id as number);
  const authors = (await sql`select id from users order by id`).map((r) => r.id as string);
  const tagIds = (await sql`select id from tags order by id`).map((r) => r.id as number);
  const [first] = await sql`select coalesce(min(published_at), now()) as oldest from articles where published_at is not null`;
  const [next] = await sql`select coalesce(max(id), 0) + 1 as base from article_revisions`;
  const oldest = first!.oldest as Date;
  const base = Number(next!.base);
  const batch = 100_000;

  await sql`drop index if exists articles_search_idx`;
  await sql`drop index if exists articles_search_pairs_idx`;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch);
    const started = Date.now();
    await sql.begin(async (tx) => {
      await tx.unsafe(`
        create temp table gen on commit drop as
        select g,
               gen_random_uuid() as id,
               'archive-story-' || g as slug,
               (array[${sections.join(',')}])[1 + g % ${sections.length}] as section_id,
               '${new Date(oldest).toISOString()}'::timestamptz - (g * interval '47 seconds') as ts,
               (${sqlArray(ADJECTIVES)})[1 + g % ${ADJECTIVES.length}] || ' ' || (${sqlArray(SUBJECTS)})[1 + (g / 7) % ${SUBJECTS.length}] || ' ' || (${sqlArray(EVENTS)})[1 + (g / 3) % ${EVENTS.length}] || ' (' || g || ')' as headline,
               (${sqlArray(SENTENCES)})[1 + (g * 7) % ${SENTENCES.length}] as deck,
               (${sqlArray(SENTENCES)})[1 + g % ${SENTENCES.length}] || ' ' || (${sqlArray(SENTENCES)})[1 + (g * 3) % ${SENTENCES.length}] || ' ' || (${sqlArray(SENTENCES)})[1 + (g * 11) % ${SENTENCES.length}] as body,
               (array[${authors.map((a) => `'${a}'::uuid`).join(',')}])[1 + (g * 13) % ${authors.length}] as author,
               (array[${tagIds.join(',')}])[1 + g % ${tagIds.length}] as tag1,
               (array[${tagIds.join(',')}])[1 + (g * 17 + 5) % ${tagIds.length}] as tag2
        from generate_series(${start + 1}, ${end}) g`);
      await tx.unsafe(`
        insert into articles (id, slug, section_id, status, current_revision_id, published_revision_id, first_published_at, published_at, version, created_at, last_edited_at, search_vector)
        select id, slug, section_id, 'published', ${base} + g, ${base} + g, ts, ts, 1, ts, ts,
               setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', deck), 'B') || setweight(to_tsvector('english', body), 'C')
        from gen`);
      await tx.unsafe(`
        insert into article_revisions (id, article_id, headline, deck, slug, section_id, body, body_text, word_count, byline_ids, tag_ids, reason, base_version, actor_id, created_at)
        overriding system value
        select ${base} + g, id, headline, deck, slug, section_id,
               jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', body))))),
               body, 45, array[author], array[tag1, tag2], 'publish', 1, author, ts
        from gen`);
      await tx.unsafe(`insert into article_bylines (article_id, user_id, position) select id, author, 0 from gen`);
      await tx.unsafe(`insert into article_tags (article_id, tag_id) select id, tag1 from gen union select id, tag2 from gen where tag2 <> tag1`);
    });
    log(`  ${end.toLocaleString('en-US')} stories (${((Date.now() - started) / 1000).toFixed(1)} s for this batch)`);
  }
  await sql`select setval(pg_get_serial_sequence('article_revisions', 'id'), (select max(id) from article_revisions))`;

  log('  numbering the reader lists…');
  // Archive stories are older than everything else, so they take positions 1..n of each
  // list and the existing entries move up by the number added to their list.
  await sql.unsafe(`
    create temp table added as
    select list_key, article_id, published_at, row_number() over (partition by list_key order by published_at, article_id) as position
    from (
      select 'all' as list_key, a.id as article_id, a.published_at from articles a where a.slug like 'archive-story-%'
      union all select 'section:' || a.section_id, a.id, a.published_at from articles a where a.slug like 'archive-story-%'
      union all select 'author:' || b.user_id, a.id, a.published_at from articles a join article_bylines b on b.article_id = a.id where a.slug like 'archive-story-%'
      union all select 'tag:' || t.tag_id, a.id, a.published_at from articles a join article_tags t on t.article_id = a.id where a.slug like 'archive-story-%'
    ) entries`);
  await sql.unsafe(`
    update reader_list_entries e set position = e.position + c.n
    from (select list_key, count(*) as n from added group by list_key) c where c.list_key = e.list_key`);
  await sql.unsafe(`insert into reader_list_entries (list_key, position, article_id, published_at) select list_key, position, article_id, published_at from added`);
  await sql.unsafe(`drop table added`);

  log('  views for Most Popular…');
  await sql.unsafe(`
    insert into daily_views (day, article_id, views)
    select d.day, a.id, 1 + (abs(hashtext(a.id::text || d.day)) % 500)
    from (select id from articles where slug like 'archive-story-%' order by published_at desc limit 60000) a
    cross join (select (now() at time zone 'Asia/Seoul')::date as day union all select (now() at time zone 'Asia/Seoul')::date - 1) d
    on conflict do nothing`);

  log('  search index…');
  await sql.unsafe(`create index articles_search_idx on articles using gin (search_vector) where status = 'published'`);
  await sql.unsafe(`create index articles_search_pairs_idx on articles using gin (search_pairs(search_vector)) where status = 'published'`);
  // As autovacuum would have left a real archive (and does not here when a server runs with
  // it off): visibility map and hint bits set, so a first read neither visits the table for
  // an index-only answer nor writes hint bits back (search first visits, docs/performance.md).
  log('  vacuum…');
  await sql`vacuum (analyze)`;
}
