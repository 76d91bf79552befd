import 'server-only';
import { storedRevisionId } from './persistence';

/**
 * What a working-copy revision a collaboration server did not write itself is:
 * - 'shared-document': another collaboration server (REDIS_URL) saved this story's shared
 *   document as it (it stores the document with that revision right after saving), so the
 *   document already holds it and more: nothing to fold in;
 * - 'outside': a restore or a direct save (announced by the app; with one server, also
 *   one seen on two checks in a row, in case the announcement was missed): fold it in;
 * - 'unconfirmed': unannounced and not (yet) stored as the document's revision. With
 *   several servers that is also what another server looks like between saving and
 *   storing (for as long as its database retries take), and folding its older snapshot in
 *   would undo the typing since: wait for the store or an announcement instead.
 */
export async function changeOfWorkingCopy(
  articleId: string,
  revisionId: number,
  announced: boolean,
  unconfirmedRevisionId: number | undefined,
  severalServers: boolean,
): Promise<'shared-document' | 'outside' | 'unconfirmed'> {
  if ((await storedRevisionId(articleId)) === revisionId) return 'shared-document';
  if (announced) return 'outside';
  return !severalServers && unconfirmedRevisionId === revisionId ? 'outside' : 'unconfirmed';
}
