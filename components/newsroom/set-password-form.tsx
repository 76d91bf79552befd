'use client';

import { useActionState } from 'react';
import { setPasswordAction } from '@/lib/actions/passwords';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';

export function SetPasswordForm({ token }: { token: string }) {
  const [result, action] = useActionState(setPasswordAction, null);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-4">
      <FormStatus result={result} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters. A few unrelated words make a strong one."
        errors={errors?.password}
      />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <SubmitButton pendingText="Saving…">Set password</SubmitButton>
    </form>
  );
}
