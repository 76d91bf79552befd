'use client';

import { useActionState } from 'react';
import { changeRoleAction, issuePasswordResetAction, setUserActiveAction } from '@/lib/actions/users';
import { FormStatus } from '@/components/ui/form-status';
import { OneTimeLink } from '@/components/ui/one-time-link';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { ROLE_OPTIONS } from './invite-form';

type Props = { userId: string; name: string; role: string; active: boolean; isSelf: boolean };

/** Role, status and password-reset controls for one person. */
export function StaffRowActions({ userId, name, role, active, isSelf }: Props) {
  const [roleResult, roleAction] = useActionState(changeRoleAction, null);
  const [activeResult, activeAction] = useActionState(setUserActiveAction, null);
  const [resetResult, resetAction] = useActionState(issuePasswordResetAction, null);
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={userId} />
          <SelectField label={`Role for ${name}`} hideLabel name="role" id={`role-${userId}`} options={ROLE_OPTIONS} defaultValue={role} />
          <SubmitButton className="mb-0.5">Change role</SubmitButton>
        </form>
        {!isSelf && (
          <form action={activeAction}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="active" value={String(!active)} />
            <SubmitButton className="bg-transparent text-ink! border border-rule">{active ? 'Deactivate' : 'Reactivate'}</SubmitButton>
          </form>
        )}
        <form action={resetAction}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton className="bg-transparent text-ink! border border-rule">Issue reset link</SubmitButton>
        </form>
      </div>
      <FormStatus result={roleResult} />
      <FormStatus result={activeResult} />
      <FormStatus result={resetResult} />
      {resetResult?.ok && resetResult.data?.link && <OneTimeLink link={resetResult.data.link} label={`Reset link for ${name}`} />}
    </div>
  );
}
