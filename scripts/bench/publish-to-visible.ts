/**
 * Publish to visible: an editor publishes a story through the Publish action, and the
 * article, the home page and its section page are polled until its headline shows.
 * Times are from the moment the action was sent. The headline is saved first as the
 * collaboration server saves typing (story-save.ts).
 */
import type { StoryFields } from './bench-data';
import { request } from './http';
import type { Newsroom } from './newsroom';
import { saveAsEditor } from './story-save';

export type PublishToVisible = { headline: string; actionMs: number; articleMs: number | null; homeMs: number | null; sectionMs: number | null };

const GIVE_UP_MS = 30_000;

export type PublishParams = {
  newsroom: Newsroom;
  baseUrl: string;
  cookie: string;
  userId: string;
  articleId: string;
  fields: StoryFields;
  sectionPath: string;
};

export async function measurePublishToVisible({ newsroom, baseUrl, cookie, userId, articleId, fields, sectionPath }: PublishParams): Promise<PublishToVisible> {
  // Letters and digits only, so the HTML shows it exactly as written.
  const headline = `Bench check ${Date.now().toString(36)} harbour ferry timetable changes`;
  const saved = await saveAsEditor(userId, articleId, { ...fields, headline, slug: '' });
  const started = performance.now();
  const published = await newsroom.publish(cookie, articleId, saved.version);
  const actionMs = published.ms;
  const visible = (path: string) => waitFor(`${baseUrl}${path}`, headline, started);
  const [articleMs, homeMs, sectionMs] = await Promise.all([visible(`/articles/${saved.slug}`), visible('/'), visible(sectionPath)]);
  return { headline, actionMs, articleMs, homeMs, sectionMs };
}

async function waitFor(url: string, text: string, started: number): Promise<number | null> {
  while (performance.now() - started < GIVE_UP_MS) {
    const response = await request(url);
    if (response.status === 200 && response.body.toString('utf8').includes(text)) return performance.now() - started;
    await new Promise((done) => setTimeout(done, 20));
  }
  return null;
}
