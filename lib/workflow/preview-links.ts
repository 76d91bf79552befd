import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { articles, previewLinks, users, type ArticleStatus, type PreviewLinkEnd } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { absoluteUrl } from '@/lib/config';
import { assertCan, can, type Actor } from '@/lib/permissions';
import { loadStory } from './story-record';

/**
 * Links that let someone outside the newsroom (a source checking a quote, a lawyer) read
 * one story's working copy until the link expires, is revoked, or ends with the story's
 * withdrawal or its creator's deactivation.
 *
 * The token is 256 random bits and only its SHA-256 is stored: a leaked database or backup
 * opens nothing, and a plain hash is enough because a random token cannot be guessed from
 * a dictionary (unlike a password).
 */
const TOKEN = /^[\w-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where the working copy may be shown outside the newsroom. A withdrawn story is not. */
const PREVIEWABLE: ReadonlySet<ArticleStatus> = new Set(['draft', 'in_review', 'changes_requested', 'scheduled', 'published']);
export const isPreviewable = (status: ArticleStatus) => PREVIEWABLE.has(status);

const ENDINGS: Record<PreviewLinkEnd, string> = {
  revoked: 'Revoked',
  unpublished: 'The story was unpublished.',
  creator_deactivated: 'Its creator’s account was deactivated.',
};

export async function createPreviewLink(actor: Actor, ip: string, articleId: string, days: number) {
  assertCan(actor, 'article.share_preview');
  const { article } = await loadStory(db, articleId);
  if (!PREVIEWABLE.has(article.status)) throw new ActionError('This story has been taken down, so it cannot be shared.');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + Math.round(days * 86_400) * 1000);
  const id = await db.transaction(async (tx) => {
    const [link] = await tx.insert(previewLinks).values({ articleId, tokenHash: hashOf(token), createdBy: actor.id, expiresAt }).returning({ id: previewLinks.id });
    await recordAudit(tx, { actorId: actor.id, action: 'article.preview_link_created', targetType: 'article', targetId: articleId, ip, details: { days, linkId: link!.id } });
    return link!.id;
  });
  return { id, url: absoluteUrl(`/preview/${token}`), expiresAt };
}

/** What a preview address opens now: the story, a link that has ended, or nothing known. */
export type PreviewTokenAnswer = { kind: 'open'; articleId: string } | { kind: 'ended' } | { kind: 'unknown' };

/**
 * Whether a preview token opens its story now. A link has ended when it was revoked or
 * ended early, when it expired, when its story may no longer be previewed, or when its
 * creator could no longer make it. The proxy answers ended and unknown links itself (410
 * and 404, with a notice), so a closed link never renders the preview page.
 */
export async function answerPreviewToken(token: string, now = new Date()): Promise<PreviewTokenAnswer> {
  if (!TOKEN.test(token)) return { kind: 'unknown' };
  const [link] = await db
    .select({
      articleId: previewLinks.articleId,
      endedAt: previewLinks.endedAt,
      expiresAt: previewLinks.expiresAt,
      status: articles.status,
      creatorId: users.id,
      creatorRole: users.role,
      creatorActive: users.active,
    })
    .from(previewLinks)
    .innerJoin(articles, eq(articles.id, previewLinks.articleId))
    .innerJoin(users, eq(users.id, previewLinks.createdBy))
    .where(eq(previewLinks.tokenHash, hashOf(token)));
  if (!link) return { kind: 'unknown' };
  if (link.endedAt || link.expiresAt <= now || !PREVIEWABLE.has(link.status)) return { kind: 'ended' };
  if (!link.creatorActive || !can({ id: link.creatorId, role: link.creatorRole }, 'article.share_preview')) return { kind: 'ended' };
  return { kind: 'open', articleId: link.articleId };
}

/** The story a preview token opens now, or null (see `answerPreviewToken`). */
export async function articleIdFromPreviewToken(token: string, now = new Date()): Promise<string | null> {
  const answer = await answerPreviewToken(token, now);
  return answer.kind === 'open' ? answer.articleId : null;
}

export type PreviewLinkView = {
  id: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  state: 'active' | 'expired' | 'revoked' | 'ended';
  endedAt: Date | null;
  /** Why it ended early, for people. */
  endedBecause: string | null;
};

/** The story's preview links, newest first, for the people who may share and revoke them. */
export async function findPreviewLinks(actor: Actor, articleId: string, now = new Date()): Promise<PreviewLinkView[]> {
  assertCan(actor, 'article.share_preview');
  const creator = alias(users, 'creator');
  const ender = alias(users, 'ender');
  const rows = await db
    .select({
      id: previewLinks.id,
      createdBy: creator.displayName,
      createdAt: previewLinks.createdAt,
      expiresAt: previewLinks.expiresAt,
      endedAt: previewLinks.endedAt,
      endedBecause: previewLinks.endedBecause,
      endedBy: ender.displayName,
    })
    .from(previewLinks)
    .innerJoin(creator, eq(creator.id, previewLinks.createdBy))
    .leftJoin(ender, eq(ender.id, previewLinks.endedBy))
    .where(eq(previewLinks.articleId, articleId))
    .orderBy(desc(previewLinks.createdAt))
    .limit(50);
  return rows.map(({ endedBy, endedBecause, ...row }) => {
    if (endedBecause) {
      const why = endedBecause === 'revoked' ? `Revoked by ${endedBy ?? 'a former colleague'}.` : ENDINGS[endedBecause];
      return { ...row, state: endedBecause === 'revoked' ? 'revoked' : 'ended', endedBecause: why };
    }
    return { ...row, state: row.expiresAt > now ? 'active' : 'expired', endedBecause: null };
  });
}

export async function revokePreviewLink(actor: Actor, ip: string, articleId: string, linkId: string): Promise<void> {
  assertCan(actor, 'article.share_preview');
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(previewLinks)
      .set({ endedAt: new Date(), endedBecause: 'revoked', endedBy: actor.id })
      .where(and(eq(previewLinks.id, linkId), eq(previewLinks.articleId, articleId), isNull(previewLinks.endedAt)))
      .returning({ id: previewLinks.id });
    if (!ended) throw new ActionError('This link has already ended.', 'conflict');
    await recordAudit(tx, { actorId: actor.id, action: 'article.preview_link_revoked', targetType: 'article', targetId: articleId, ip, details: { linkId } });
  });
}
