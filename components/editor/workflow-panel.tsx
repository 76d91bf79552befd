'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { addCorrectionAction, publishAction, publishUpdateAction, requestChangesAction, scheduleAction, submitForReviewAction, unpublishAction, unscheduleAction } from '@/lib/actions/publishing';
import type { ActionResult } from '@/lib/actions/define-action';
import type { TransitionName } from '@/lib/publishing/transitions';
import { STATUS_LABEL } from '@/components/newsroom/status-labels';

type Runner = (previous: unknown, input: unknown) => Promise<ActionResult<unknown>>;

/** Refused because the working copy changed after the page loaded (see lib/publishing/transitions.ts). */
const isChanged = (result: ActionResult<unknown>) => !result.ok && (result.data as { changed?: boolean } | undefined)?.changed === true;

type Props = {
  articleId: string;
  status: string;
  transitions: TransitionName[];
  scheduledForLabel: string | null;
  /** While scheduled: the revision that goes out when due. */
  scheduledRevisionId: number | null;
  /** The working copy on this screen. */
  workingRevisionId: number;
  defaultScheduleValue: string;
  timeZone: string;
  /**
   * Saves pending edits first, then says which version is on screen (null when the edits
   * could not be saved): a step always applies to the saved working copy the person saw.
   */
  saveFirst: () => Promise<{ version: number; revisionId: number } | null>;
  /** Why no step can be taken now (the story is not open here, so its edits cannot be saved first); null when they can. */
  closedBecause: string | null;
};

type Outcome = ActionResult<unknown> & { seenRevisionId?: number };

/** The workflow buttons this person may use on this story now. */
export function WorkflowPanel({ articleId, status, transitions, scheduledForLabel, scheduledRevisionId, workingRevisionId, defaultScheduleValue, timeZone, saveFirst, closedBecause }: Props) {
  const router = useRouter();
  const [result, setResult] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const has = (name: TransitionName) => transitions.includes(name);

  const run = (action: Runner) => async (form: FormData) => {
    setBusy(true);
    setResult(null);
    try {
      const seen = await saveFirst();
      if (!seen) {
        setResult({ ok: false, code: 'invalid', message: 'Save your changes first: they could not be saved.' });
        return;
      }
      form.set('articleId', articleId);
      form.set('version', String(seen.version));
      const outcome = await action(null, form);
      setResult({ ...outcome, seenRevisionId: seen.revisionId });
      if (outcome.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const textStep = (action: Runner, label: string, button: string, rows: number) => (
    <form action={run(action)} className="mt-2 grid gap-2">
      <label className="grid gap-1">
        {label}
        <textarea name="text" required rows={rows} className="rounded border border-rule bg-paper px-2 py-1" />
      </label>
      <div>{submit(button)}</div>
    </form>
  );
  const submit = (label: string) => (
    <button type="submit" disabled={busy || closedBecause !== null} className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-paper disabled:opacity-50">
      {label}
    </button>
  );
  const box = (children: ReactNode, key: string) => (
    <div key={key} className="grid gap-2 border-t border-rule pt-3">
      {children}
    </div>
  );

  return (
    <section aria-labelledby="workflow-heading" className="grid gap-3 rounded border border-rule p-3 text-sm">
      <h2 id="workflow-heading" className="font-bold">
        Status: <span data-testid="story-status">{STATUS_LABEL[status] ?? status}</span>
      </h2>
      {status === 'scheduled' && scheduledForLabel && <p>Goes out {scheduledForLabel} ({timeZone}).</p>}
      {closedBecause && transitions.length > 0 && <p data-testid="workflow-closed">{closedBecause}</p>}
      {status === 'scheduled' && scheduledRevisionId !== null && scheduledRevisionId !== workingRevisionId && (
        <p className="rounded border border-yellow-600 bg-yellow-50 p-2 text-yellow-950 dark:bg-yellow-950 dark:text-yellow-100">
          Edits saved since it was scheduled will not go out then: the scheduled version is the one approved.{' '}
          <a href={`/newsroom/articles/${articleId}/history?from=${scheduledRevisionId}&to=${workingRevisionId}`} className="underline">Compare</a>, and schedule again to send this version.
        </p>
      )}
      {result && isChanged(result) ? (
        <div role="alert" className="grid gap-2 rounded border-2 border-accent p-2">
          <p className="font-semibold">{result.message}</p>
          <p>Someone saved a newer version after you opened it; nothing was published.</p>
          <p className="flex flex-wrap gap-3">
            <a href={`/newsroom/articles/${articleId}/history?from=${result.seenRevisionId}`} className="font-semibold underline">Review the changes</a>
            <button type="button" onClick={() => window.location.reload()} className="font-semibold underline">Load the newer version</button>
          </p>
        </div>
      ) : (
        result && (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-green-800 dark:text-green-300' : 'text-accent'}>
            {result.message}
          </p>
        )
      )}
      {has('submit') && box(<form action={run(submitForReviewAction)}>{submit('Submit for review')}</form>, 'submit')}
      {has('publish') && box(<form action={run(publishAction)}>{submit('Publish')}</form>, 'publish')}
      {has('publish_update') &&
        box(
          <form action={run(publishUpdateAction)} className="grid gap-2">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="minor" /> Minor fix (keep the reader-visible “Updated” time)
            </label>
            <div>{submit('Publish update')}</div>
          </form>,
          'update',
        )}
      {has('schedule') &&
        box(
          <form action={run(scheduleAction)} className="grid gap-2">
            <label className="grid gap-1 font-semibold">
              Publish at ({timeZone})
              <input type="datetime-local" name="scheduledFor" step={1} required defaultValue={defaultScheduleValue} className="rounded border border-rule bg-paper px-2 py-1 font-normal" />
            </label>
            <div>{submit('Schedule')}</div>
          </form>,
          'schedule',
        )}
      {has('unschedule') && box(<form action={run(unscheduleAction)}>{submit('Unschedule')}</form>, 'unschedule')}
      {has('request_changes') &&
        box(
          textStep(requestChangesAction, 'Note for the reporter', 'Request changes', 3),
          'request',
        )}
      {has('add_correction') &&
        box(
          <details>
            <summary className="cursor-pointer font-semibold">Correct the published story</summary>
            {textStep(addCorrectionAction, 'Correction, as readers will see it', 'Add correction', 3)}
          </details>,
          'correct',
        )}
      {has('unpublish') &&
        box(
          <details>
            <summary className="cursor-pointer font-semibold">Take the story down</summary>
            {textStep(unpublishAction, 'Reason for unpublishing (staff only)', 'Unpublish', 2)}
          </details>,
          'unpublish',
        )}
    </section>
  );
}
