import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { absoluteUrl } from '@/lib/config';
import { emailEnabled, sendEmail } from '@/lib/email';

type Kind = (typeof notifications.$inferInsert)['kind'];

export type Notice = { kind: Kind; articleId: string; actorId: string | null; headline: string; message?: string };

const SUBJECTS: Record<Kind, (headline: string) => string> = {
  submitted: (h) => `Submitted for review: ${h}`,
  changes_requested: (h) => `Returned with notes: ${h}`,
  scheduled: (h) => `Scheduled: ${h}`,
  published: (h) => `Published: ${h}`,
  unpublished: (h) => `Unpublished: ${h}`,
  taken_over: (h) => `Taken over: ${h}`,
};

/** Tells people about a story in the newsroom (and by email when SMTP is set up). */
export async function notifyPeople(tx: Executor, userIds: string[], notice: Notice): Promise<void> {
  const recipients = [...new Set(userIds)].filter((id) => id !== notice.actorId);
  if (recipients.length === 0) return;
  await tx.insert(notifications).values(
    recipients.map((userId) => ({ userId, kind: notice.kind, articleId: notice.articleId, actorId: notice.actorId, message: notice.message ?? '' })),
  );
  if (!emailEnabled()) return;
  const people = await tx.select({ email: users.email }).from(users).where(and(inArray(users.id, recipients), eq(users.active, true)));
  const link = absoluteUrl(`/newsroom/articles/${notice.articleId}`);
  for (const person of people) {
    void sendEmail({ to: person.email, subject: SUBJECTS[notice.kind](notice.headline), text: `${notice.message ?? ''}\n\n${link}\n`.trimStart() });
  }
}

/** Every active editor and admin: they see newly submitted stories. */
export async function editorIds(tx: Executor, except?: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['editor', 'admin']), eq(users.active, true), ...(except ? [ne(users.id, except)] : [])));
  return rows.map((row) => row.id);
}
