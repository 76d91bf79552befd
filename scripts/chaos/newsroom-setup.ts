/**
 * The chaos run's newsroom before the load: the bench editors and the desk editor signed in
 * through the sign-in action (their cookies drive the workflow steps), each bench editor's
 * story started through the new-story action. The stories' first text is saved with the
 * domain function `saveStory`, as the collaboration server saves a document: the browser no
 * longer calls a save action, so a production build does not expose one.
 * Uses the app's database handle: DATABASE_URL must name the chaos database.
 */
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/permissions';
import { saveStory } from '@/lib/workflow/save-story';
import { storyFieldsSchema } from '@/lib/workflow/story-fields';
import { BENCH_EDITOR_PASSWORD, type BenchFacts, type StoryFields } from '../bench/bench-data';
import type { Newsroom } from '../bench/newsroom';
import type { ChaosEditor } from './editors';

const DESK_EDITOR = { email: 'editor@example.com', password: 'masthead-demo' };

export type ChaosNewsroom = { deskCookie: string; desk: Actor; editors: ChaosEditor[] };

export async function prepareChaosNewsroom(newsroom: Newsroom, facts: BenchFacts, log: (line: string) => void): Promise<ChaosNewsroom> {
  const people = await db
    .select({ id: users.id, email: users.email, role: users.role, name: users.displayName, sessionVersion: users.sessionVersion })
    .from(users)
    .where(inArray(users.email, [DESK_EDITOR.email, ...facts.editors.map((e) => e.email)]));
  const byEmail = new Map(people.map((person) => [person.email, person]));
  const desk = byEmail.get(DESK_EDITOR.email);
  if (!desk) throw new Error(`${DESK_EDITOR.email} is missing: seed the demo newsroom first.`);
  const deskCookie = await newsroom.signInOrThrow(DESK_EDITOR.email, DESK_EDITOR.password);
  // Headlines (and so addresses) of their own, also when earlier runs' stories are kept.
  const run = Date.now().toString(36);
  const editors: ChaosEditor[] = [];
  for (const [index, bench] of facts.editors.entries()) {
    const person = byEmail.get(bench.email)!;
    if (person.role !== 'editor' && person.role !== 'reporter') throw new Error(`${bench.email} is a ${person.role}, not a reporter or editor.`);
    const cookie = await newsroom.signInOrThrow(bench.email, BENCH_EDITOR_PASSWORD);
    const fields: StoryFields = { ...facts.draft, headline: `${facts.draft.headline} (desk copy ${index + 1}, ${run})`, slug: '', bylineIds: [person.id] };
    const articleId = await newsroom.createStory(cookie, fields.headline, fields.sectionId);
    await saveFirstText(person, articleId, fields);
    editors.push({ index, cookie, articleId, userId: person.id, name: person.name, role: person.role, sessionVersion: person.sessionVersion });
  }
  log(`Newsroom: ${editors.length + 1} sign-ins, ${editors.length} stories started and saved.`);
  return { deskCookie, desk: { id: desk.id, role: desk.role }, editors };
}

/** Saves a story's text as its author; the new version. */
export async function saveFirstText(actor: Actor, articleId: string, fields: StoryFields): Promise<number> {
  const outcome = await saveStory({ actor, ip: '127.0.0.1', articleId, fields: storyFieldsSchema.parse(fields), reason: 'save' });
  if (outcome.status !== 'saved') throw new Error(`The first save of ${articleId} was refused: ${outcome.status}`);
  return outcome.version;
}
