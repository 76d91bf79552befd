import 'server-only';
import { redisExtension } from './redis';
import type { SharedTokenStore } from './token';

/** Claims the fold of one working-copy revision into a story for this server: true at most once across servers. */
export type ClaimFold = (name: string, revisionId: number) => Promise<boolean>;

/**
 * What collaboration servers sharing documents (REDIS_URL) share through Redis: the
 * extension relaying updates and presence, the spent token ids, and which server folds
 * a given working-copy revision into a story (two would write its text twice). The
 * latter two use the extension's client.
 */
export function shareThroughRedis(redisUrl: string, prefix: string) {
  const extension = redisExtension(redisUrl, prefix);
  const tokenStore: SharedTokenStore = {
    setOnce: async (key, ttl) => (await extension.pub.set(`${prefix}:${key}`, '1', 'EX', ttl, 'NX')) === 'OK',
  };
  const claimFold: ClaimFold = async (name, revisionId) => (await extension.pub.set(`${prefix}:fold:${name}:${revisionId}`, '1', 'EX', 3600, 'NX')) === 'OK';
  return { extension, tokenStore, claimFold };
}
