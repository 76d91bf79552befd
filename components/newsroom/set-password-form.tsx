'use client';

import { setPasswordAction } from '@/lib/actions/passwords';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export function SetPasswordForm({ token }: { token: string }) {
  const { result, action, errors } = useActionForm(setPasswordAction);
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
