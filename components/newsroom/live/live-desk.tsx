'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { LibraryPicture } from '@/components/editor/types';
import { FormStatus } from '@/components/ui/form-status';
import type { ActionResult } from '@/lib/actions/define-action';
import { endCoverageAction, liveSettingsAction, startLiveBlogAction } from '@/lib/actions/live';
import { DeskUpdateList } from './desk-update-list';
import type { DeskPerson, DeskUpdateView } from './types';
import { UpdateComposer } from './update-composer';

export type LiveDeskView = {
  started: string;
  ended: string | null;
  pollSeconds: number;
  reportersMayPost: boolean;
  postedCount: number;
  canPost: boolean;
  canManage: boolean;
  updates: DeskUpdateView[];
};

type Props = {
  articleId: string;
  liveUrl: string | null;
  me: string;
  desk: LiveDeskView | null;
  canStart: boolean;
  staff: DeskPerson[];
  pictures: LibraryPicture[];
};

/** The live desk on a story's newsroom page: post, edit, pin, mark and end coverage. */
export function LiveDesk({ articleId, liveUrl, me, desk, canStart, staff, pictures }: Props) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [editing, setEditing] = useState<DeskUpdateView | null>(null);
  const [composerKey, setComposerKey] = useState(0);
  const done = (answer: ActionResult<unknown>) => {
    setResult(answer);
    if (answer.ok) router.refresh();
  };

  if (!desk) {
    if (!canStart) return null;
    return (
      <section aria-labelledby="live-desk-heading" className="mt-10 grid gap-2 rounded border border-rule p-4">
        <h2 id="live-desk-heading" className="text-lg font-bold">Live coverage</h2>
        <p className="text-sm text-muted">Cover this story live: short updates that readers see the moment they are posted, newest first.</p>
        <FormStatus result={result} />
        <div>
          <button type="button" onClick={async () => done(await startLiveBlogAction(null, { articleId }))} className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
            Make this a live blog
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="live-desk-heading" className="mt-10 grid gap-6 rounded border-2 border-accent/60 p-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="live-desk-heading" className="text-lg font-bold">
            Live desk{' '}
            <span data-testid="live-state" className={`ml-2 rounded px-2 py-0.5 text-xs uppercase ${desk.ended ? 'bg-rule' : 'bg-accent text-paper'}`}>
              {desk.ended ? 'Ended' : 'Live'}
            </span>
          </h2>
          <p className="text-sm text-muted">
            Since {desk.started}
            {desk.ended && ` · ended ${desk.ended}`} · {desk.postedCount} posted
            {liveUrl && (
              <>
                {' · '}
                <a href={liveUrl} className="underline">Reader page</a>
              </>
            )}
          </p>
        </div>
        {desk.canManage && !desk.ended && (
          <button
            type="button"
            onClick={async () => {
              if (window.confirm('End coverage? No more updates can be posted, and readers’ pages stop asking for them.')) done(await endCoverageAction(null, { articleId }));
            }}
            className="rounded border border-accent px-3 py-1.5 text-sm font-semibold text-accent"
          >
            End coverage
          </button>
        )}
      </header>
      <FormStatus result={result} />
      {(desk.canPost || editing) && (
        <div className="grid gap-2">
          <h3 className="font-bold">{editing ? (editing.posted ? 'Edit update' : 'Edit draft') : 'New update'}</h3>
          <UpdateComposer
            key={editing ? `edit-${editing.id}` : `new-${composerKey}`}
            articleId={articleId}
            me={me}
            staff={staff}
            pictures={pictures}
            canManage={desk.canManage}
            editing={editing}
            onDone={(message) => {
              setEditing(null);
              setComposerKey((k) => k + 1);
              if (message) done({ ok: true, message });
            }}
          />
        </div>
      )}
      <div className="grid gap-2">
        <h3 className="font-bold">Updates</h3>
        <DeskUpdateList articleId={articleId} updates={desk.updates} staff={staff} canManage={desk.canManage} onEdit={setEditing} onResult={done} />
      </div>
      {desk.canManage && (
        <form
          action={async (form) => done(await liveSettingsAction(null, form))}
          className="grid gap-2 border-t border-rule pt-4 text-sm sm:grid-cols-[auto_auto_auto] sm:items-end sm:justify-start sm:gap-4"
        >
          <input type="hidden" name="articleId" value={articleId} />
          <label className="grid gap-1">
            Readers’ pages check every (seconds)
            <input type="number" name="pollSeconds" min={5} max={120} defaultValue={desk.pollSeconds} className="w-28 rounded border border-rule bg-paper px-2 py-1" />
          </label>
          <label className="flex items-center gap-1.5">
            <input type="checkbox" name="reportersMayPost" defaultChecked={desk.reportersMayPost} /> Reporters on the byline may post
          </label>
          <button type="submit" className="rounded border border-rule px-3 py-1.5 font-semibold">Save live settings</button>
        </form>
      )}
    </section>
  );
}
