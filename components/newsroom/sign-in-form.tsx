'use client';

import { signInAction } from '@/lib/actions/session';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export function SignInForm({ next }: { next?: string }) {
  const { result, action, errors, sent } = useActionForm(signInAction);
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
