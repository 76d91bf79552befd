'use client';

import { useActionState } from 'react';
import { requestPasswordResetAction } from '@/lib/actions/passwords';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';

export function ForgotPasswordForm() {
  const [result, action] = useActionState(requestPasswordResetAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const sent = result && !result.ok ? result.values : undefined;
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormStatus result={result} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={sent?.email} errors={errors?.email} />
      <SubmitButton pendingText="Sending…">Email me a link</SubmitButton>
    </form>
  );
}
