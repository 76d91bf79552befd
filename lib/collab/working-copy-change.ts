import 'server-only';
import { storedRevisionId } from './persistence';

/**
 * What a working-copy revision a collaboration server did not write itself is:
 * - 'shared-document': another collaboration server (REDIS_URL) saved this story's shared
 *   document as it (it stores the document with that revision right after saving), so the
 *   document already holds it and more: nothing to fold in;
 * - 'outside': a restore or a direct save (announced by the app; with one server, also
 *   one seen on two checks in a row, in case the announcement was missed): fold it in;
 * - 'folded-elsewhere': outside, but with several servers every one hears the announcement
 *   and another claimed the fold (two folds at once would write the restored text twice);
 *   its change reaches this server through Redis;
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
  /** With several servers: claims this revision's fold for this server, true at most once across them. */
  claimFold: ((revisionId: number) => Promise<boolean>) | null,
): Promise<'shared-document' | 'outside' | 'folded-elsewhere' | 'unconfirmed'> {
  if ((await storedRevisionId(articleId)) === revisionId) return 'shared-document';
  if (!announced && (claimFold || unconfirmedRevisionId !== revisionId)) return 'unconfirmed';
  if (!claimFold) return 'outside';
  // Redis not answering: fold here rather than leave the restore out (a doubled text shows; a lost restore does not).
  return (await claimFold(revisionId).catch(() => true)) ? 'outside' : 'folded-elsewhere';
}
