'use client';

import { useActionState } from 'react';
import { markNotificationsReadAction } from '@/lib/actions/notifications';

export function MarkReadButton() {
  const [, action, pending] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-sm underline">Mark all as read</button>
    </form>
  );
}
