'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/define-action';

/**
 * A form's server action and its last result, with what a refusal carries: each field's
 * messages (`errors`) and what was typed (`sent`), so the form can show both again.
 */
export function useActionForm<T>(serverAction: (previous: unknown, input: FormData) => Promise<ActionResult<T>>) {
  const [result, action] = useActionState<ActionResult<T> | null, FormData>(serverAction, null);
  const refused = result && !result.ok ? result : undefined;
  return { result, action, errors: refused?.fieldErrors, sent: refused?.values };
}
