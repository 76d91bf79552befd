import type { Metadata } from 'next';
import { requireCapability } from '@/lib/auth/require-user';
import { AUDIT_ACTIONS } from '@/lib/audit/record-audit';
import { AUDIT_PAGE_SIZE, auditFilterSchema, findAuditEvents } from '@/lib/audit/find-audit-events';
import { formatPublishedTime } from '@/lib/site-time';
import { findStaffNames } from '@/lib/users/find-users';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export const instant = false;

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireCapability('audit.view');
  const raw = await searchParams;
  const filter = auditFilterSchema.parse({ person: first(raw.person), action: first(raw.action), before: first(raw.before) });
  const [events, people] = await Promise.all([findAuditEvents(user, filter), findStaffNames(user)]);
  const older = new URLSearchParams();
  if (filter.person) older.set('person', filter.person);
  if (filter.action) older.set('action', filter.action);
  if (events.length === AUDIT_PAGE_SIZE) older.set('before', String(events.at(-1)!.id));

  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-rule p-4">
        <label className="text-sm font-semibold">
          Person
          <select name="person" defaultValue={filter.person ?? ''} className="mt-1 block rounded border border-rule bg-paper px-2 py-2 font-normal">
            <option value="">Anyone</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Action
          <select name="action" defaultValue={filter.action ?? ''} className="mt-1 block rounded border border-rule bg-paper px-2 py-2 font-normal">
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">Filter</button>
      </form>
      {events.length === 0 ? (
        <p className="text-muted">No events match.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="border-b border-rule text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4">Time</th>
                <th scope="col" className="py-2 pr-4">Who</th>
                <th scope="col" className="py-2 pr-4">Action</th>
                <th scope="col" className="py-2 pr-4">Target</th>
                <th scope="col" className="py-2 pr-4">Address</th>
                <th scope="col" className="py-2">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-rule align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{formatPublishedTime(e.createdAt)}</td>
                  <td className="py-2 pr-4">{e.actorName ?? '—'}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{e.action}</td>
                  <td className="py-2 pr-4">{e.targetName ?? (e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8)}` : '—')}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{e.ip ?? ''}</td>
                  <td className="py-2 font-mono text-xs break-all">{Object.keys(e.details).length ? JSON.stringify(e.details) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older.has('before') && (
        <p><a href={`/newsroom/audit?${older}`} className="font-semibold underline">Older events →</a></p>
      )}
    </div>
  );
}
