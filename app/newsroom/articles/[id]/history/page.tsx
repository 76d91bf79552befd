import type { Metadata } from 'next';
import Link from 'next/link';
import { RestoreButton } from '@/components/newsroom/restore-button';
import { requireUser } from '@/lib/auth/require-user';
import { formatPublishedTime } from '@/lib/site-time';
import { compareRevisions, findRevisions, type DiffPart, type RevisionSummary } from '@/lib/workflow/history';
import { getWorkingCopy } from '@/lib/workflow/working-copy';
import { openStoryPage } from '../open-story-page';
import { PageUnavailable } from '@/components/newsroom/page-unavailable';

export const metadata: Metadata = { title: 'History' };
export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const REASONS: Record<string, string> = {
  create: 'Started',
  autosave: 'Autosaved',
  save: 'Saved',
  submit: 'Submitted',
  publish: 'Published',
  restore: 'Restored',
  conflict: 'Refused save (kept)',
};

export default async function HistoryPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const opened = await openStoryPage(params, (id) => Promise.all([findRevisions(user, id), getWorkingCopy(user, id)]));
  if (opened.kind === 'unavailable') return <PageUnavailable message={opened.message} />;
  if (opened.kind === 'refused') return <p role="alert">{opened.message}</p>;
  const { id, found: [revisions, story] } = opened;
  const query = await searchParams;
  // By default, the working copy (what would be published) against the revision before it.
  const to = Number(query.to) || (revisions.find((r) => r.isWorking) ?? revisions[0])?.id;
  const from = Number(query.from) || revisions.find((r) => to !== undefined && r.id < to)?.id;
  const diff = from && to && from !== to ? await compareRevisions(user, id, from, to).catch(() => null) : null;

  return (
    <div className="grid gap-6">
      <div>
        <p className="text-sm"><Link href={`/newsroom/articles/${id}`} className="underline">← Back to the story</Link></p>
        <h1 className="mt-2 text-2xl font-bold">History: {story.draft.headline}</h1>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-rule p-3 text-sm">
        <RevisionChoice label="Compare" name="from" selected={from} revisions={revisions} />
        <RevisionChoice label="with" name="to" selected={to} revisions={revisions} />
        <button type="submit" className="rounded bg-ink px-3 py-1.5 font-semibold text-paper">Compare</button>
      </form>
      {diff && (
        <section aria-labelledby="diff-heading" className="grid gap-3 rounded border border-rule p-4">
          <h2 id="diff-heading" className="font-bold">Changes from #{diff.from} to #{diff.to}</h2>
          <p className="text-sm text-muted">Removed words are struck through; added words are highlighted.</p>
          <DiffText label="Headline" parts={diff.headline} className="font-serif text-xl font-bold" />
          <DiffText label="Deck" parts={diff.deck} className="font-serif" />
          <DiffText label="Text" parts={diff.body} className="font-serif whitespace-pre-wrap" />
        </section>
      )}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Every revision, newest first</caption>
        <thead className="border-b border-rule text-xs text-muted uppercase">
          <tr><th scope="col" className="py-2">Revision</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Why</th><th scope="col">Words</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id} className="border-b border-rule">
              <td className="py-2">#{r.id}{r.isWorking && ' (working copy)'}{r.isLive && ' (live)'}</td>
              <td>{formatPublishedTime(r.createdAt)}</td>
              <td>{r.contributors.length > 1 ? r.contributors.join(', ') : (r.by ?? '—')}</td>
              <td>{REASONS[r.reason]}{r.note && <span className="block text-xs text-muted">{r.note}</span>}</td>
              <td>{r.wordCount}</td>
              <td>{story.canEdit && !r.isWorking && <RestoreButton articleId={id} revisionId={r.id} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One end of the comparison: a revision by number, reason and time. */
function RevisionChoice({ label, name, selected, revisions }: { label: string; name: 'from' | 'to'; selected: number | undefined; revisions: RevisionSummary[] }) {
  return (
    <label className="grid gap-1 font-semibold">
      {label}
      <select name={name} defaultValue={selected} className="rounded border border-rule bg-paper px-2 py-1 font-normal">
        {revisions.map((r) => <option key={r.id} value={r.id}>#{r.id} {REASONS[r.reason]} · {formatPublishedTime(r.createdAt)}</option>)}
      </select>
    </label>
  );
}

function DiffText({ label, parts, className }: { label: string; parts: DiffPart[]; className: string }) {
  return (
    <div>
      <h3 className="text-xs font-semibold text-muted uppercase">{label}</h3>
      <p className={className}>
        {parts.map((part, i) =>
          part.added ? <ins key={i} className="bg-green-100 no-underline dark:bg-green-900">{part.value}</ins> : part.removed ? <del key={i} className="bg-red-100 dark:bg-red-900">{part.value}</del> : <span key={i}>{part.value}</span>,
        )}
      </p>
    </div>
  );
}
