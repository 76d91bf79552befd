'use server';

import { z } from 'zod';
import type { ArticleStatus } from '@/db/schema';
import { defineAction } from '@/lib/actions/define-action';
import { siteDateTimeToInstant } from '@/lib/site-time';
import { applyTransition } from '@/lib/publishing/apply-transition';
import { StoryChangedError, TRANSITIONS, type TransitionInput, type TransitionName } from '@/lib/publishing/transitions';
import { placeOnFrontPage } from '@/lib/workflow/place-on-front-page';

const articleId = z.string().uuid();

/** One action per workflow button; the capability is its step's, from TRANSITIONS. */
function transitionAction<S extends z.ZodRawShape>(
  name: TransitionName,
  shape: S,
  done: string,
  toInput: (input: z.infer<z.ZodObject<S>>) => TransitionInput = () => ({}),
) {
  return defineAction<z.ZodTypeAny, { status?: ArticleStatus; changed?: true }>({
    capability: TRANSITIONS[name].capability,
    input: z.object({ articleId, ...shape }),
    async run(input, { user, ip }) {
      const values = input as z.infer<z.ZodObject<S>> & { articleId: string };
      try {
        const after = await applyTransition(user, ip, values.articleId, name, toInput(values));
        return { ok: true, message: done, data: { status: after.status } };
      } catch (error) {
        // Marked so the page can offer the changes to review and the newer version to load.
        if (error instanceof StoryChangedError) return { ok: false, code: 'conflict', message: error.message, data: { changed: true } };
        throw error;
      }
    },
  });
}

const requiredText = (message: string) => z.string().trim().min(1, message).max(5000);
/** The story version on the editor's screen: what they reviewed is what goes out (lib/publishing/transitions.ts). */
const seenVersion = { version: z.coerce.number().int().positive('Reload the story and try again.') };

export const submitForReviewAction = transitionAction('submit', { text: z.string().trim().max(5000).optional() }, 'Submitted for review.', (i) => ({ text: i.text }));
export const requestChangesAction = transitionAction('request_changes', { text: requiredText('Write a note saying what needs to change.') }, 'Returned to the reporter with your note.', (i) => ({ text: i.text }));
export const publishAction = transitionAction('publish', seenVersion, 'Published.', (i) => ({ expectedVersion: i.version }));
export const scheduleAction = transitionAction(
  'schedule',
  { ...seenVersion, scheduledFor: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Choose a date and time.') },
  'Scheduled.',
  (i) => ({ expectedVersion: i.version, scheduledFor: siteDateTimeToInstant(i.scheduledFor) }),
);
export const unscheduleAction = transitionAction('unschedule', {}, 'Taken off the schedule and back in review.');
export const unpublishAction = transitionAction('unpublish', { text: requiredText('Give the reason for taking the story down.') }, 'Unpublished. The story is gone from the site.', (i) => ({ text: i.text }));
export const publishUpdateAction = transitionAction(
  'publish_update',
  { ...seenVersion, minor: z.union([z.literal('on'), z.literal('true'), z.boolean()]).optional() },
  'Update published.',
  (i) => ({ expectedVersion: i.version, minor: i.minor === true || i.minor === 'on' || i.minor === 'true' }),
);
export const addCorrectionAction = transitionAction('add_correction', { text: requiredText('Write the correction.') }, 'Correction published.', (i) => ({ text: i.text }));

export const placeOnFrontPageAction = defineAction({
  capability: 'article.feature',
  input: z.object({ articleId, placement: z.enum(['lead', 'top-1', 'top-2', 'top-3', 'top-4', 'none']) }),
  async run({ articleId, placement }, { user, ip }) {
    await placeOnFrontPage(user, ip, articleId, placement === 'lead' ? { kind: 'lead' } : placement === 'none' ? { kind: 'none' } : { kind: 'top', rank: Number(placement.slice(4)) });
    return { ok: true, message: 'Front page updated.' };
  },
});
