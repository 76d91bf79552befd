import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { db } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import { absoluteUrl } from '@/lib/config';
import { assertCan, type Actor } from '@/lib/permissions';
import { loadStory } from './story-record';

/**
 * Links that let someone outside the newsroom (a source checking a quote, a lawyer) read
 * one draft until the link expires, and nothing else. The link is signed with AUTH_SECRET;
 * nothing is stored, so changing the secret revokes every link.
 */
function sign(payload: string): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set.');
  return createHmac('sha256', `preview-link:${secret}`).update(payload).digest('base64url');
}

export async function createPreviewLink(actor: Actor, ip: string, articleId: string, days: number) {
  assertCan(actor, 'article.share_preview');
  await loadStory(db, articleId);
  const expires = Math.floor(Date.now() / 1000) + Math.round(days * 86_400);
  const payload = `${articleId}.${expires}`;
  await recordAudit(db, { actorId: actor.id, action: 'article.preview_link_created', targetType: 'article', targetId: articleId, ip, details: { days } });
  return { url: absoluteUrl(`/preview/${payload}.${sign(payload)}`), expiresAt: new Date(expires * 1000) };
}

/** The story a preview token grants, or null when it is forged, malformed or expired. */
export function articleIdFromPreviewToken(token: string, now = Date.now()): string | null {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const [, articleId, expires, signature] = match;
  const expected = Buffer.from(sign(`${articleId}.${expires}`));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(expires) * 1000 > now ? articleId! : null;
}
