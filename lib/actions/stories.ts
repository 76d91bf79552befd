'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { restoreRevision } from '@/lib/workflow/history';
import { addNote } from '@/lib/workflow/notes';
import { createPreviewLink, revokePreviewLink } from '@/lib/workflow/preview-links';
import { createStory } from '@/lib/workflow/save-story';

const articleId = z.string().uuid();

export const createStoryAction = defineAction({
  capability: 'article.create',
  input: z.object({ headline: z.string().trim().min(1, 'Give the story a working headline.').max(300), sectionId: z.coerce.number().int().positive('Choose a section.') }),
  async run(input, { user, ip }) {
    const { id } = await createStory({ actor: user, ip, ...input });
    redirect(`/newsroom/articles/${id}`);
  },
});

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
