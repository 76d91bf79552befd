import 'server-only';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { db } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { AUDIT_ACTIONS } from './record-audit';
import { assertCan, type Actor } from '@/lib/permissions';

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  person: z.string().uuid().optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditRow = {
  id: number;
  createdAt: Date;
  action: string;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

/** The audit log, newest first, for admins: filtered by a person (who acted or was acted on) and action. */
export async function findAuditEvents(actor: Actor, filter: AuditFilter): Promise<AuditRow[]> {
  assertCan(actor, 'audit.view');
  const actorUser = alias(users, 'actor_user');
  const targetUser = alias(users, 'target_user');
  const conditions: SQL[] = [];
  if (filter.person) {
    conditions.push(or(eq(auditEvents.actorId, filter.person), and(eq(auditEvents.targetType, 'user'), eq(auditEvents.targetId, filter.person)))!);
  }
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.before) conditions.push(lt(auditEvents.id, filter.before));
  return db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      action: auditEvents.action,
      actorName: actorUser.displayName,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetName: targetUser.displayName,
      ip: auditEvents.ip,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorId))
    .leftJoin(targetUser, and(eq(auditEvents.targetType, 'user'), eq(sql`${targetUser.id}::text`, auditEvents.targetId)))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE);
}
