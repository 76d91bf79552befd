'use client';

import { useActionState } from 'react';
import { signOutAction } from '@/lib/actions/session';

export function SignOutButton() {
  const [, action, pending] = useActionState(signOutAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded border border-rule px-3 py-1 font-semibold hover:border-ink">
        Sign out
      </button>
    </form>
  );
}
