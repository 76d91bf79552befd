/**
 * What turns a fresh server into a used one: a morning's newsroom traffic in miniature.
 * Wrong passwords, sign-ins, stories started (the newsroom's action) and filled in (as the
 * collaboration server saves, story-save.ts). (The publish is timed separately.)
 */
import { BENCH_EDITOR_PASSWORD, type BenchFacts, type StoryFields } from './bench-data';
import type { Newsroom } from './newsroom';
import { saveAsEditor } from './story-save';

export type NewsroomEditor = { userId: string; cookie: string; articleId: string; version: number; fields: StoryFields };

export type NewsroomWork = {
  failedSignIns: number;
  signIns: number;
  storiesStarted: number;
  saves: number;
  /** The desk editor's session (for the review queue). */
  deskCookie: string;
  editors: NewsroomEditor[];
};

const DESK_EDITOR = { email: 'editor@example.com', password: 'masthead-demo' };

export async function doNewsroomWork(newsroom: Newsroom, facts: BenchFacts, log: (line: string) => void): Promise<NewsroomWork> {
  let failedSignIns = 0;
  for (const attempt of [
    { email: DESK_EDITOR.email, password: 'not-the-password' },
    { email: 'nobody@example.com', password: 'masthead-demo' },
    { email: facts.editors[0]!.email, password: 'wrong-again' },
  ]) {
    const { cookie, message } = await newsroom.signIn(attempt.email, attempt.password);
    if (cookie) throw new Error(`A wrong password signed ${attempt.email} in.`);
    if (!/not correct/.test(message ?? '')) throw new Error(`A wrong password got an unexpected answer: ${message}`);
    failedSignIns++;
  }
  const deskCookie = await newsroom.signInOrThrow(DESK_EDITOR.email, DESK_EDITOR.password);
  let saves = 0;
  const editors: NewsroomEditor[] = [];
  // Headlines (and so addresses) of their own, also when --reuse-data keeps earlier runs' stories.
  const run = Date.now().toString(36);
  for (const [i, editor] of facts.editors.entries()) {
    const cookie = await newsroom.signInOrThrow(editor.email, BENCH_EDITOR_PASSWORD);
    const fields: StoryFields = { ...facts.draft, headline: `${facts.draft.headline} (desk copy ${i + 1}, ${run})`, slug: '', bylineIds: [editor.id] };
    const articleId = await newsroom.createStory(cookie, fields.headline, fields.sectionId);
    const saved = await saveAsEditor(editor.id, articleId, fields);
    saves++;
    editors.push({ userId: editor.id, cookie, articleId, version: saved.version, fields });
  }
  log(`Newsroom work: ${failedSignIns} wrong passwords, ${editors.length + 1} sign-ins, ${editors.length} stories started and filled in.`);
  return { failedSignIns, signIns: editors.length + 1, storiesStarted: editors.length, saves, deskCookie, editors };
}
