'use client';

import { changePasswordAction } from '@/lib/actions/passwords';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export function ChangePasswordForm() {
  const { result, action, errors } = useActionForm(changePasswordAction);
  return (
    <form action={action} className="grid gap-3 rounded border border-rule p-4" aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">Change password</h2>
      <FormStatus result={result} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors?.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters. A few unrelated words make a strong one. Pasting from a password manager is fine."
        errors={errors?.newPassword}
      />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <div>
        <SubmitButton pendingText="Changing…">Change password</SubmitButton>
      </div>
    </form>
  );
}
