'use client';

import { useActionState } from 'react';
import { signInAction } from '@/lib/actions/session';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';

export function SignInForm({ next }: { next?: string }) {
  const [result, action] = useActionState(signInAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const sent = result && !result.ok ? result.values : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormStatus result={result} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={sent?.email} errors={errors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
      {next && <input type="hidden" name="next" value={next} />}
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
