import 'server-only';
import { storedRevisionId } from './persistence';

/**
 * What a working-copy revision a collaboration server did not write itself is:
 * - 'shared-document': another collaboration server (REDIS_URL) saved this story's shared
 *   document as it (it stores the document with that revision right after saving), so the
 *   document already holds it and more: nothing to fold in;
 * - 'outside': a restore or a direct save (announced by the app, or seen on two checks in a
 *   row): fold it into the document;
 * - 'unconfirmed': seen once, unannounced, and not (yet) stored as the document's revision,
 *   which is also what another server looks like between saving and storing: look again at
 *   the next check rather than undo the typing since its snapshot.
 */
export async function changeOfWorkingCopy(
  articleId: string,
  revisionId: number,
  announced: boolean,
  unconfirmedRevisionId: number | undefined,
): Promise<'shared-document' | 'outside' | 'unconfirmed'> {
  if ((await storedRevisionId(articleId)) === revisionId) return 'shared-document';
  return announced || unconfirmedRevisionId === revisionId ? 'outside' : 'unconfirmed';
}
