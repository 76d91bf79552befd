import type { ActionResult } from '@/lib/actions/define-action';

/** The message under a form after it was sent: an alert for refusals, a status for success. */
export function FormStatus({ result }: { result: ActionResult<unknown> | null | undefined }) {
  if (!result?.message) return null;
  return result.ok ? (
    <p role="status" className="rounded border border-green-700/40 bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">
      {result.message}
    </p>
  ) : (
    <p role="alert" className="rounded border border-accent/50 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
      {result.message}
    </p>
  );
}

/** A field's own error, tied to its input with aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-accent">
      {errors.join(' ')}
    </p>
  );
}
