import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { reserveAttempt } from '@/lib/auth/attempt-counter';
import { site } from '@/lib/config';
import { emailEnabled, sendEmail } from '@/lib/email';
import { addressBucket } from '@/lib/request-context';
import { issuePasswordLink } from './tokens';

export const RESET_LINK_HOURS = 2;

// Each reset email is counted per account and per address (the attempt counter's rules):
// three an hour per account, so nobody's inbox can be flooded, and a few dozen an hour per
// address. Over the limit, the request is dropped silently, like an unknown address.
const perAccount = { free: 3, firstBlockSeconds: 3600, maxBlockSeconds: 3600, decaySeconds: 1200 };
const perAddress = { free: 20, firstBlockSeconds: 3600, maxBlockSeconds: 3600, decaySeconds: 180 };

/**
 * "Forgot your password?": emails a one-time link to set a new password, if outgoing mail
 * is set up and the address belongs to an active account. The caller answers the same
 * whatever happens here (and does not wait for it), so the answer tells a stranger
 * nothing about who has an account. Asking does not end anyone's sessions or change any
 * password; using the link does.
 */
export async function requestPasswordReset({ email, address }: { email: string; address: string }): Promise<'sent' | 'not_sent'> {
  if (!emailEnabled()) return 'not_sent';
  const normalized = email.trim().toLowerCase();
  const allowed = await reserveAttempt([
    { key: `reset:${normalized}`, rule: perAccount },
    { key: `reset-address:${addressBucket(address)}`, rule: perAddress },
  ]);
  if (!allowed.allowed) return 'not_sent';
  const [user] = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalized));
  if (!user?.active) return 'not_sent';

  const link = await db.transaction(async (tx) => {
    const issued = await issuePasswordLink(tx, { userId: user.id, purpose: 'password_reset', createdBy: null, lifetimeHours: RESET_LINK_HOURS });
    await recordAudit(tx, { actorId: null, action: 'auth.password_reset_requested', targetType: 'user', targetId: user.id, ip: address });
    return issued;
  });
  const sent = await sendEmail({
    to: user.email,
    subject: `Reset your ${site.name} newsroom password`,
    text:
      `Hello ${user.displayName},\n\nSomeone (we hope you) asked to reset your newsroom password. ` +
      `Set a new one here; the link works once, for ${RESET_LINK_HOURS} hours:\n${link.url}\n\n` +
      `If it was not you, ignore this email: your password stays as it is.\n`,
  });
  return sent ? 'sent' : 'not_sent';
}
