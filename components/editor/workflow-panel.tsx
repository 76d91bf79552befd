'use client';

import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import {
  addCorrectionAction,
  publishAction,
  publishUpdateAction,
  requestChangesAction,
  scheduleAction,
  submitForReviewAction,
  unpublishAction,
  unscheduleAction,
} from '@/app/newsroom/articles/actions';
import type { ActionResult } from '@/lib/actions/define-action';
import type { TransitionName } from '@/lib/workflow/transitions';

type Runner = (previous: unknown, input: unknown) => Promise<ActionResult<unknown>>;

const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Returned with notes',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

type Props = {
  articleId: string;
  status: string;
  transitions: TransitionName[];
  scheduledForLabel: string | null;
  defaultScheduleValue: string;
  timeZone: string;
  /** Saves pending edits first: a step always applies to the saved working copy. */
  saveFirst: () => Promise<boolean>;
};

/** The workflow buttons this person may use on this story now. */
export function WorkflowPanel({ articleId, status, transitions, scheduledForLabel, defaultScheduleValue, timeZone, saveFirst }: Props) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const has = (name: TransitionName) => transitions.includes(name);

  const run = (action: Runner) => async (form: FormData) => {
    setBusy(true);
    setResult(null);
    try {
      if (!(await saveFirst())) {
        setResult({ ok: false, code: 'invalid', message: 'Save your changes first: they could not be saved.' });
        return;
      }
      form.set('articleId', articleId);
      const outcome = await action(null, form);
      setResult(outcome);
      if (outcome.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const button = (label: string) => (
    <button type="submit" disabled={busy} className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-paper disabled:opacity-50">
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
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-green-800 dark:text-green-300' : 'text-accent'}>
          {result.message}
        </p>
      )}
      {has('submit') && box(<form action={run(submitForReviewAction)}>{button('Submit for review')}</form>, 'submit')}
      {has('publish') && box(<form action={run(publishAction)}>{button('Publish')}</form>, 'publish')}
      {has('publish_update') &&
        box(
          <form action={run(publishUpdateAction)} className="grid gap-2">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="minor" /> Minor fix (keep the reader-visible “Updated” time)
            </label>
            <div>{button('Publish update')}</div>
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
            <div>{button('Schedule')}</div>
          </form>,
          'schedule',
        )}
      {has('unschedule') && box(<form action={run(unscheduleAction)}>{button('Unschedule')}</form>, 'unschedule')}
      {has('request_changes') &&
        box(
          <form action={run(requestChangesAction)} className="grid gap-2">
            <label className="grid gap-1 font-semibold">
              Note for the reporter
              <textarea name="text" required rows={3} className="rounded border border-rule bg-paper px-2 py-1 font-normal" />
            </label>
            <div>{button('Request changes')}</div>
          </form>,
          'request',
        )}
      {has('add_correction') &&
        box(
          <details>
            <summary className="cursor-pointer font-semibold">Correct the published story</summary>
            <form action={run(addCorrectionAction)} className="mt-2 grid gap-2">
              <label className="grid gap-1">
                Correction, as readers will see it
                <textarea name="text" required rows={3} className="rounded border border-rule bg-paper px-2 py-1" />
              </label>
              <div>{button('Add correction')}</div>
            </form>
          </details>,
          'correct',
        )}
      {has('unpublish') &&
        box(
          <details>
            <summary className="cursor-pointer font-semibold">Take the story down</summary>
            <form action={run(unpublishAction)} className="mt-2 grid gap-2">
              <label className="grid gap-1">
                Reason for unpublishing (staff only)
                <textarea name="text" required rows={2} className="rounded border border-rule bg-paper px-2 py-1" />
              </label>
              <div>{button('Unpublish')}</div>
            </form>
          </details>,
          'unpublish',
        )}
    </section>
  );
}
