/**
 * Stories for the cluster check: started through the newsroom's own server action, filled in
 * as the collaboration server saves an editor's typing (the newsroom has no save action).
 */
import postgres from 'postgres';
import type { StoryFields } from '@/scripts/bench/bench-data';
import type { Newsroom } from '@/scripts/bench/newsroom';
import { saveAsEditor } from '@/scripts/bench/story-save';

export type Story = { id: string; slug: string; version: number; headline: string };

/** The fields of a published demo story (section, byline, body), to write new stories with. */
export async function storyTemplate(sql: postgres.Sql): Promise<Omit<StoryFields, 'headline' | 'slug'>> {
  const [row] = await sql`
    select r.deck, r.section_id, r.body, r.byline_ids,
           coalesce((select array_agg(t.name order by t.name) from tags t where t.id = any(r.tag_ids)), '{}') as tags
    from articles a join article_revisions r on r.id = a.published_revision_id
    where a.status = 'published' and r.hero_media_id is null and cardinality(r.byline_ids) > 0
    order by a.published_at desc limit 1`;
  if (!row) throw new Error('The demo newsroom has no published story without a picture to copy.');
  return { deck: row.deck, sectionId: row.section_id, body: row.body, bylineIds: row.byline_ids, tags: row.tags, heroMediaId: null, seoTitle: '', seoDescription: '', embargoUntil: null };
}

/** "Start writing" as `editorId`, then save the whole story: ready to publish or schedule. */
export async function writeStory(newsroom: Newsroom, cookie: string, editorId: string, template: Omit<StoryFields, 'headline' | 'slug'>, headline: string): Promise<Story> {
  const id = await newsroom.createStory(cookie, headline, template.sectionId);
  const saved = await saveAsEditor(editorId, id, { ...template, headline, slug: '' });
  return { id, slug: saved.slug, version: saved.version, headline };
}

/** A date and time in the site's time zone, to the second, as the schedule form sends it. */
export function siteLocalDateTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(instant)
    .replace(' ', 'T');
}

/** Milliseconds from `started` until `url` satisfies `check`, or null after the limit. */
export async function timeUntil(url: string, check: (status: number, body: string) => boolean, started: number, limitMs = 15_000): Promise<number | null> {
  while (performance.now() - started < limitMs) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (check(response.status, await response.text())) return performance.now() - started;
    } catch {
      // an instance restarting: keep asking
    }
    await new Promise((done) => setTimeout(done, 20));
  }
  return null;
}
