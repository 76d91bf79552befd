/**
 * The co-editing bench's newsroom: per story one reporter who starts it (so is its byline)
 * and editors for the rest of its seats, all made through the newsroom's own functions
 * (inviting staff, starting a story) as an admin of the demo newsroom. Staff are reused
 * between runs; the stories are new each run, so every run starts from the same documents.
 * Uses the app's database handle: DATABASE_URL must name the bench database.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { sections, users } from '@/db/schema';
import { inviteUser } from '@/lib/users/manage-users';
import { createStory } from '@/lib/workflow/save-story';

export type CollabEditor = { index: number; userId: string; name: string; role: 'reporter' | 'editor'; sessionVersion: number; articleId: string };
export type CollabBenchData = { stories: string[]; editors: CollabEditor[] };

const IP = '127.0.0.1';
const seat = (n: number) => String(n + 1).padStart(3, '0');

export async function prepareCollabData(params: { editors: number; stories: number; log: (line: string) => void }): Promise<CollabBenchData> {
  const [admin] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.role, 'admin')).orderBy(asc(users.createdAt)).limit(1);
  if (!admin) throw new Error('The bench database has no admin to invite the staff: seed the demo newsroom first.');
  const [section] = await db.select({ id: sections.id }).from(sections).orderBy(asc(sections.id)).limit(1);
  if (!section) throw new Error('The bench database has no section to start stories in.');

  // The first `stories` people are reporters (one per story), the rest editors.
  const wanted = Array.from({ length: params.editors }, (_, index) => {
    const role = index < params.stories ? ('reporter' as const) : ('editor' as const);
    const n = role === 'reporter' ? index : index - params.stories;
    return { index, role, email: `bench-collab-${role}-${seat(n)}@example.com`, name: `Co-editing ${role === 'reporter' ? 'Reporter' : 'Editor'} ${seat(n)}` };
  });
  const existing = await db
    .select({ id: users.id, email: users.email, role: users.role, sessionVersion: users.sessionVersion, active: users.active })
    .from(users)
    .where(inArray(users.email, wanted.map((w) => w.email)));
  const byEmail = new Map(existing.map((row) => [row.email, row]));
  let invited = 0;
  for (const person of wanted) {
    const found = byEmail.get(person.email);
    if (found && (found.role !== person.role || !found.active)) throw new Error(`${person.email} is no longer an active ${person.role}: run without --reuse-data.`);
    if (found) continue;
    const { userId } = await inviteUser({ actor: admin, ip: IP, email: person.email, displayName: person.name, role: person.role });
    const [row] = await db.select({ id: users.id, email: users.email, role: users.role, sessionVersion: users.sessionVersion, active: users.active }).from(users).where(eq(users.id, userId));
    byEmail.set(person.email, row!);
    invited++;
  }
  params.log(`Staff: ${params.editors} (${invited} invited now), ${params.stories} reporters and ${params.editors - params.stories} editors.`);

  const started = new Date().toISOString().slice(11, 19);
  const stories: string[] = [];
  for (let n = 0; n < params.stories; n++) {
    const reporter = byEmail.get(wanted[n]!.email)!;
    const { id } = await createStory({ actor: { id: reporter.id, role: 'reporter' }, ip: IP, headline: `Co-editing bench story ${n + 1} (${started})`, sectionId: section.id });
    stories.push(id);
  }
  const editors = wanted.map((person): CollabEditor => {
    const row = byEmail.get(person.email)!;
    return { index: person.index, userId: row.id, name: person.name, role: person.role, sessionVersion: row.sessionVersion, articleId: stories[person.index % params.stories]! };
  });
  return { stories, editors };
}
