'use client';

import { useActionState } from 'react';
import { markNotificationsReadAction } from '@/app/newsroom/actions';

export function MarkReadButton() {
  const [, action, pending] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-sm underline">Mark all as read</button>
    </form>
  );
}
