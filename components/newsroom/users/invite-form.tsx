'use client';

import { inviteUserAction } from '@/lib/actions/users';
import { FormStatus } from '@/components/ui/form-status';
import { OneTimeLink } from '@/components/ui/one-time-link';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';

export const ROLE_OPTIONS = [
  { value: 'reporter', label: 'Reporter' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

export function InviteForm() {
  const { result, action, errors, sent } = useActionForm(inviteUserAction);
  return (
    <form action={action} className="grid gap-3 rounded border border-rule p-4" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="text-lg font-semibold">Invite a person</h2>
      <FormStatus result={result} />
      {result?.ok && result.data?.link && <OneTimeLink link={result.data.link} label="Set-password link" />}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Name" name="displayName" id="invite-name" required defaultValue={sent?.displayName} errors={errors?.displayName} />
        <TextField label="Email" name="email" id="invite-email" type="email" required defaultValue={sent?.email} errors={errors?.email} />
        <SelectField label="Role" name="role" id="invite-role" options={ROLE_OPTIONS} defaultValue={sent?.role ?? 'reporter'} errors={errors?.role} />
      </div>
      <div>
        <SubmitButton pendingText="Inviting…">Invite</SubmitButton>
      </div>
    </form>
  );
}
