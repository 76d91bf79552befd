'use client';

import { requestPasswordResetAction } from '@/lib/actions/passwords';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ForgotPasswordForm() {
  const { result, action, errors, sent } = useActionForm(requestPasswordResetAction);
  return (
    <form action={action} className="grid gap-4" noValidate>
      <FormStatus result={result} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={sent?.email} errors={errors?.email} />
      <SubmitButton pendingText="Sending…">Email me a link</SubmitButton>
    </form>
  );
}
