import 'server-only';
import type { Executor } from '@/db/client';
import { auditEvents } from '@/db/schema';

/** Every audited action, so the audit page can offer them as a filter. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_blocked',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'auth.password_changed',
  'auth.password_set',
  'auth.password_reset_requested',
  'user.created',
  'user.invited',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'user.password_reset_issued',
  'user.profile_updated',
  'article.created',
  'article.submitted',
  'article.changes_requested',
  'article.published',
  'article.scheduled',
  'article.unscheduled',
  'article.update_published',
  'article.unpublished',
  'article.corrected',
  'article.restored',
  'article.featured',
  'article.lock_taken_over',
  'article.preview_link_created',
  'article.preview_link_revoked',
  'article.schedule_failed',
  'live.started',
  'live.ended',
  'live.settings_changed',
  'live.update_drafted',
  'live.update_posted',
  'live.update_edited',
  'live.update_deleted',
  'live.update_pinned',
  'live.update_unpinned',
  'banner.set',
  'banner.removed',
  'section.created',
  'section.updated',
  'section.moved',
  'section.deleted',
  'media.uploaded',
  'media.updated',
  'media.live_text_changed',
  'media.deleted',
  'settings.updated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType?: 'user' | 'article' | 'media';
  targetId?: string;
  ip?: string;
  details?: Record<string, unknown>;
};

/** Appends to the audit log; pass the transaction that made the change. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}
