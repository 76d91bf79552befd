import { describe, expect, it } from 'vitest';
import type { ArticleStatus, UserRole } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { can, ForbiddenError } from '@/lib/permissions';
import { createArticle, createUser } from '@/test/factories';
import { loadStory } from '@/lib/workflow/story-record';
import { applyTransition } from './apply-transition';
import { TRANSITIONS, type TransitionName } from './transitions';
import { db } from '@/db/client';

const STATUSES: ArticleStatus[] = ['draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'unpublished'];
const ACTORS: { label: string; role: UserRole; own: boolean }[] = [
  { label: 'reporter on the byline', role: 'reporter', own: true },
  { label: 'another reporter', role: 'reporter', own: false },
  { label: 'editor', role: 'editor', own: false },
  { label: 'admin', role: 'admin', own: false },
];
const RESULT: Record<TransitionName, ArticleStatus> = {
  submit: 'in_review',
  request_changes: 'changes_requested',
  publish: 'published',
  schedule: 'scheduled',
  unschedule: 'in_review',
  unpublish: 'unpublished',
  publish_update: 'published',
  add_correction: 'published',
};
const INPUT = { text: 'Because the test says so.', scheduledFor: new Date(Date.now() + 3_600_000), minor: false };

/** Every workflow step, by every kind of person, from every status: allowed or refused as the rules say. */
describe('the workflow state machine', () => {
  const cases = STATUSES.flatMap((status) =>
    ACTORS.flatMap((actor) => (Object.keys(TRANSITIONS) as TransitionName[]).map((name) => [status, actor.label, name, actor] as const)),
  );

  it.each(cases)('from %s, %s: %s', async (status, _label, name, actorSpec) => {
    const person = await createUser({ role: actorSpec.role });
    const author = actorSpec.own ? person : await createUser({ role: 'reporter' });
    const story = await createArticle({ status, authorIds: [author.id] });
    const actor = { id: person.id, role: person.role };
    const { access } = await loadStory(db, story.id);
    const step = TRANSITIONS[name];
    const allowed = step.from.includes(status) && can(actor, step.capability, access);

    let outcome: 'done' | 'forbidden' | 'wrong state';
    try {
      await applyTransition(actor, '192.0.2.1', story.id, name, { ...INPUT, expectedVersion: (await loadStory(db, story.id)).article.version });
      outcome = 'done';
    } catch (error) {
      if (error instanceof ForbiddenError) outcome = 'forbidden';
      else if (error instanceof ActionError && error.code === 'conflict') outcome = 'wrong state';
      else throw error;
    }
    expect(outcome === 'done').toBe(allowed);
    const after = await loadStory(db, story.id);
    expect(after.article.status).toBe(outcome === 'done' ? RESULT[name] : status);
  });
});
