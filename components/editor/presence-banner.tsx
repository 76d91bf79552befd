'use client';

import { useEffect, useState } from 'react';
import { keepEditingAction, takeOverAction } from '@/lib/actions/stories';
import { shortTimeIn } from '@/lib/dates';
import type { PresenceView } from './types';

const HEARTBEAT_MS = 30_000;

type Props = {
  articleId: string;
  canEdit: boolean;
  timeZone: string;
  /** Whether this page may change the story now (it holds the story). */
  onHoldChange: (holding: boolean) => void;
};

/**
 * Who is editing the story. This page keeps the soft lock while open (a heartbeat every 30
 * seconds); if someone else holds it, the page is read-only until "Take over", and a page
 * whose story is taken over is told and stops saving.
 */
export function PresenceBanner({ articleId, canEdit, timeZone, onHoldChange }: Props) {
  const [presence, setPresence] = useState<PresenceView | null>(null);
  const [lostTo, setLostTo] = useState<string | null>(null);

  useEffect(() => {
    if (!canEdit) return;
    let stopped = false;
    let held = false;
    const beat = async () => {
      const result = await keepEditingAction(null, { articleId }).catch(() => null);
      if (stopped || !result?.ok || !result.data) return;
      const next = { ...result.data, heldBy: result.data.heldBy && { ...result.data.heldBy, since: new Date(result.data.heldBy.since).toISOString() } };
      if (held && next.heldBy) setLostTo(next.heldBy.name);
      held = next.mine;
      setPresence(next);
      onHoldChange(next.mine);
    };
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [articleId, canEdit, onHoldChange]);

  const takeOver = async () => {
    const result = await takeOverAction(null, { articleId });
    if (result.ok && result.data) {
      setLostTo(null);
      setPresence({ ...result.data, heldBy: null });
      onHoldChange(true);
    }
  };

  if (lostTo) {
    return (
      <div role="alert" className="rounded border border-accent bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
        <strong>{lostTo} has taken over this story.</strong> Your page has stopped saving; anything you had not saved is kept in this browser.{' '}
        <button type="button" onClick={takeOver} className="font-semibold underline">Take over</button>
      </div>
    );
  }
  if (!presence?.heldBy) return null;
  return (
    <div role="status" className="rounded border border-yellow-600 bg-yellow-50 p-3 text-sm text-yellow-950 dark:bg-yellow-950 dark:text-yellow-100">
      <strong>{presence.heldBy.name} is editing</strong> (since {shortTimeIn(new Date(presence.heldBy.since), timeZone)}). You can read the story; to change it,{' '}
      <button type="button" onClick={takeOver} className="font-semibold underline">Take over</button>. They will be told.
    </div>
  );
}
