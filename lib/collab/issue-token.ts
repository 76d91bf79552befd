import 'server-only';
import { currentSessionClaims, type CurrentUser } from '@/lib/auth/current-user';
import { collab } from '@/lib/config';
import { ForbiddenError } from '@/lib/permissions';
import { collabAccessOf, collabColorOf } from './access';
import { COLLAB_TOKEN_SECONDS, signCollabToken } from './token';

export type CollabTicket = { token: string; mode: 'edit' | 'read'; user: { name: string; color: string } };

/**
 * A short-lived token for the signed-in person to open one story's shared document, after
 * checking the story's permissions: typing for those who may edit it now, watching for
 * those who may only read it, nothing for anyone else.
 */
export async function issueCollabToken(user: CurrentUser, articleId: string): Promise<CollabTicket> {
  const session = await currentSessionClaims();
  if (!session) throw new ForbiddenError('Your session has ended. Sign in again to continue.');
  const access = await collabAccessOf({ userId: user.id, ...session }, articleId);
  if (access === 'ended') throw new ForbiddenError('Your session has ended. Sign in again to continue.');
  if (access === 'none') throw new ForbiddenError('You can only open stories you are a byline on.');
  const exp = Math.floor(Date.now() / 1000) + COLLAB_TOKEN_SECONDS;
  const token = signCollabToken({ userId: user.id, ...session, articleId, mode: access, name: user.displayName, exp }, collab.signingSecret());
  return { token, mode: access, user: { name: user.displayName, color: collabColorOf(user.id) } };
}
