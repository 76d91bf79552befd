'use client';

import { useActionState } from 'react';
import { signOutEverywhereAction } from '@/lib/actions/session';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';

export function SignOutEverywhere() {
  const [result, action] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={action} className="grid gap-3 rounded border border-rule p-4" aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading" className="text-lg font-semibold">Sessions</h2>
      <p className="text-sm text-muted">Signed in on a computer you no longer use? End every session, on every device, this one included.</p>
      <FormStatus result={result} />
      <div>
        <SubmitButton pendingText="Signing out…">Sign out everywhere</SubmitButton>
      </div>
    </form>
  );
}
