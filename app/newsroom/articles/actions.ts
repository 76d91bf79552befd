'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { keepEditing, stopEditing, takeOverEditing } from '@/lib/workflow/edit-lock';
import { placeOnFrontPage } from '@/lib/workflow/front-page';
import { restoreRevision } from '@/lib/workflow/history';
import { addNote } from '@/lib/workflow/notes';
import { createPreviewLink, revokePreviewLink } from '@/lib/workflow/preview-links';
import { createStory, saveStory, type SaveOutcome } from '@/lib/workflow/save-story';
import { storyFieldsSchema } from '@/lib/workflow/story-fields';
import { getWorkingCopy } from '@/lib/workflow/working-copy';
import { runTransition, StoryChangedError, type TransitionName } from '@/lib/workflow/transitions';
import type { ArticleStatus } from '@/db/schema';
import { siteDateTimeToInstant } from '@/lib/dates';
import type { Capability } from '@/lib/permissions';

const articleId = z.string().uuid();

export const createStoryAction = defineAction({
  capability: 'article.create',
  input: z.object({ headline: z.string().trim().min(1, 'Give the story a working headline.').max(300), sectionId: z.coerce.number().int().positive('Choose a section.') }),
  async run(input, { user, ip }) {
    const { id } = await createStory({ actor: user, ip, ...input });
    redirect(`/newsroom/articles/${id}`);
  },
});

export const saveStoryAction = defineAction<z.ZodTypeAny, SaveOutcome>({
  capability: 'article.edit.own',
  input: z.object({
    articleId,
    baseVersion: z.number().int().positive(),
    reason: z.enum(['autosave', 'save']),
    fields: storyFieldsSchema,
  }),
  async run(input, { user, ip }) {
    const outcome = await saveStory({ actor: user, ip, ...(input as SaveInput) });
    if (outcome.status === 'saved') return { ok: true, data: outcome };
    const message =
      outcome.status === 'locked'
        ? `${outcome.holder} has taken over this story, so your changes were not saved to it. They are kept: compare them and choose.`
        : `${outcome.savedBy} saved a newer version, so your changes were not saved over it. They are kept: compare them and choose.`;
    return { ok: false, code: 'conflict', message, data: outcome };
  },
});

type SaveInput = Omit<Parameters<typeof saveStory>[0], 'actor' | 'ip'>;

export const keepEditingAction = defineAction({
  capability: 'article.edit.own',
  input: z.object({ articleId }),
  async run({ articleId }, { user }) {
    return { ok: true, data: await keepEditing(user, articleId) };
  },
});

/** The current working copy, for comparing after a refused save (or taking theirs). */
export const loadWorkingCopyAction = defineAction({
  capability: 'article.edit.own',
  input: z.object({ articleId }),
  async run({ articleId }, { user }) {
    const copy = await getWorkingCopy(user, articleId);
    return { ok: true, data: { version: copy.version, revisionId: copy.revisionId, draft: copy.draft } };
  },
});

export const takeOverAction = defineAction({
  capability: 'article.edit.own',
  input: z.object({ articleId }),
  async run({ articleId }, { user, ip }) {
    return { ok: true, message: 'You are editing this story now.', data: await takeOverEditing(user, articleId, ip) };
  },
});

export const stopEditingAction = defineAction({
  capability: 'article.edit.own',
  input: z.object({ articleId }),
  async run({ articleId }, { user }) {
    await stopEditing(user, articleId);
  },
});

/** One action per workflow button, each with the capability its step needs. */
function transitionAction<S extends z.ZodRawShape>(
  name: TransitionName,
  capability: Capability,
  shape: S,
  done: string,
  toInput: (input: z.infer<z.ZodObject<S>>) => Parameters<typeof runTransition>[4] = () => ({}),
) {
  return defineAction<z.ZodTypeAny, { status?: ArticleStatus; changed?: true }>({
    capability,
    input: z.object({ articleId, ...shape }),
    async run(input, { user, ip }) {
      const values = input as z.infer<z.ZodObject<S>> & { articleId: string };
      try {
        const after = await runTransition(user, ip, values.articleId, name, toInput(values));
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
/** The story version on the editor's screen: what they reviewed is what goes out (lib/workflow/transitions.ts). */
const seenVersion = { version: z.coerce.number().int().positive('Reload the story and try again.') };

export const submitForReviewAction = transitionAction('submit', 'article.submit', { text: z.string().trim().max(5000).optional() }, 'Submitted for review.', (i) => ({ text: i.text }));
export const requestChangesAction = transitionAction('request_changes', 'article.request_changes', { text: requiredText('Write a note saying what needs to change.') }, 'Returned to the reporter with your note.', (i) => ({ text: i.text }));
export const publishAction = transitionAction('publish', 'article.publish', seenVersion, 'Published.', (i) => ({ expectedVersion: i.version }));
export const scheduleAction = transitionAction(
  'schedule',
  'article.publish',
  { ...seenVersion, scheduledFor: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Choose a date and time.') },
  'Scheduled.',
  (i) => ({ expectedVersion: i.version, scheduledFor: siteDateTimeToInstant(i.scheduledFor) }),
);
export const unscheduleAction = transitionAction('unschedule', 'article.publish', {}, 'Taken off the schedule and back in review.');
export const unpublishAction = transitionAction('unpublish', 'article.unpublish', { text: requiredText('Give the reason for taking the story down.') }, 'Unpublished. The story is gone from the site.', (i) => ({ text: i.text }));
export const publishUpdateAction = transitionAction(
  'publish_update',
  'article.publish',
  { ...seenVersion, minor: z.union([z.literal('on'), z.literal('true'), z.boolean()]).optional() },
  'Update published.',
  (i) => ({ expectedVersion: i.version, minor: i.minor === true || i.minor === 'on' || i.minor === 'true' }),
);
export const addCorrectionAction = transitionAction('add_correction', 'article.correct', { text: requiredText('Write the correction.') }, 'Correction published.', (i) => ({ text: i.text }));

export const addNoteAction = defineAction({
  capability: 'article.note',
  input: z.object({ articleId, body: z.string().trim().min(1, 'Write a note first.').max(5000) }),
  async run({ articleId, body }, { user }) {
    await addNote(user, articleId, body);
    return { ok: true, message: 'Note added.' };
  },
});

export const restoreRevisionAction = defineAction({
  capability: 'article.edit.own',
  input: z.object({ articleId, revisionId: z.coerce.number().int().positive() }),
  async run({ articleId, revisionId }, { user, ip }) {
    await restoreRevision(user, ip, articleId, revisionId);
    redirect(`/newsroom/articles/${articleId}?restored=${revisionId}`);
  },
});

export const createPreviewLinkAction = defineAction({
  capability: 'article.share_preview',
  input: z.object({ articleId, days: z.coerce.number().int().min(1).max(14) }),
  async run({ articleId, days }, { user, ip }) {
    const link = await createPreviewLink(user, ip, articleId, days);
    return { ok: true, message: `Anyone with this link can read this story’s working copy for ${days} day${days === 1 ? '' : 's'}, until you revoke it.`, data: { link: link.url } };
  },
});

export const revokePreviewLinkAction = defineAction({
  capability: 'article.share_preview',
  input: z.object({ articleId, linkId: z.string().uuid() }),
  async run({ articleId, linkId }, { user, ip }) {
    await revokePreviewLink(user, ip, articleId, linkId);
    return { ok: true, message: 'Revoked. The link no longer opens the story.' };
  },
});

export const placeOnFrontPageAction = defineAction({
  capability: 'article.feature',
  input: z.object({ articleId, placement: z.enum(['lead', 'top-1', 'top-2', 'top-3', 'top-4', 'none']) }),
  async run({ articleId, placement }, { user, ip }) {
    await placeOnFrontPage(user, ip, articleId, placement === 'lead' ? { kind: 'lead' } : placement === 'none' ? { kind: 'none' } : { kind: 'top', rank: Number(placement.slice(4)) });
    return { ok: true, message: 'Front page updated.' };
  },
});
