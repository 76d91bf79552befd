'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { issueCollabToken, type CollabTicket } from '@/lib/collab/issue-token';

/** A token to join a story's shared document (typing or watching, as the story's rules allow). */
export const collabTokenAction = defineAction({
  capability: 'article.edit.own',
  input: z.object({ articleId: z.string().uuid() }),
  async run({ articleId }, { user }) {
    const ticket: CollabTicket = await issueCollabToken(user, articleId);
    return { ok: true, data: ticket };
  },
});
