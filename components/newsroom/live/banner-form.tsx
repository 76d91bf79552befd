'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { FieldError, FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { removeBannerAction, setBannerAction } from '@/lib/actions/live';

type Current = { text: string; href: string; setBy: string | null; since: string; until: string | null };

const DURATIONS: [number, string][] = [
  [0, 'Until removed'],
  [30, '30 minutes'],
  [60, '1 hour'],
  [120, '2 hours'],
  [360, '6 hours'],
  [1440, '24 hours'],
];

/** Shows the banner that is up (with "Remove banner") and puts up a new one. */
export function BannerForm({ current }: { current: Current | null }) {
  const router = useRouter();
  const [setResult, set] = useActionState(setBannerAction, null);
  const [removeResult, remove] = useActionState(removeBannerAction, null);
  useEffect(() => {
    if (setResult?.ok || removeResult?.ok) router.refresh();
  }, [setResult, removeResult, router]);
  const field = 'w-full rounded border border-rule bg-paper px-3 py-2';
  return (
    <>
      <section aria-labelledby="current-banner" className="grid gap-2 rounded border border-rule p-4">
        <h2 id="current-banner" className="font-bold">Up now</h2>
        {current ? (
          <>
            <p data-testid="current-banner" className="rounded bg-accent px-3 py-2 font-semibold text-paper">{current.text}</p>
            <p className="text-sm text-muted">
              {current.href ? `Links to ${current.href}. ` : 'No link. '}
              Put up {current.since}
              {current.setBy && ` by ${current.setBy}`}
              {current.until ? `; comes down ${current.until}.` : '; stays until removed.'}
            </p>
            <form action={remove}>
              <SubmitButton pendingText="Removing…">Remove banner</SubmitButton>
            </form>
          </>
        ) : (
          <p className="text-sm text-muted">No banner is up.</p>
        )}
        <FormStatus result={removeResult} />
      </section>
      <form action={set} className="grid gap-3 rounded border border-rule p-4">
        <h2 className="font-bold">{current ? 'Replace it' : 'Put up a banner'}</h2>
        <label className="grid gap-1 text-sm font-semibold">
          Banner text
          <input name="text" required maxLength={160} defaultValue={setResult?.ok ? '' : setResult?.values?.text} aria-describedby="banner-text-error" className={field} />
        </label>
        <FieldError id="banner-text-error" errors={setResult?.ok ? undefined : setResult?.fieldErrors?.text} />
        <label className="grid gap-1 text-sm font-semibold">
          Link (optional)
          <input name="href" placeholder="/articles/… or https://…" defaultValue={setResult?.ok ? '' : setResult?.values?.href} aria-describedby="banner-href-error" className={field} />
        </label>
        <FieldError id="banner-href-error" errors={setResult?.ok ? undefined : setResult?.fieldErrors?.href} />
        <label className="grid gap-1 text-sm font-semibold">
          Take it down after
          <select name="expiresInMinutes" defaultValue="0" className={field}>
            {DURATIONS.map(([minutes, label]) => (
              <option key={minutes} value={minutes}>{label}</option>
            ))}
          </select>
        </label>
        <FormStatus result={setResult} />
        <div>
          <SubmitButton pendingText="Putting up…">Put up banner</SubmitButton>
        </div>
      </form>
    </>
  );
}
