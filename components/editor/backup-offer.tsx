'use client';

import { shortTimeIn } from '@/lib/dates';
import type { Backup } from './browser-backup';

type Props = { backup: Backup; timeZone: string; onRestore: () => void; onDiscard: () => void };

/** What this browser kept but the server never got (a closed tab, a crash), offered back. */
export function BackupOffer({ backup, timeZone, onRestore, onDiscard }: Props) {
  return (
    <div role="alert" className="rounded border border-yellow-600 bg-yellow-50 p-3 text-sm text-yellow-950 dark:bg-yellow-950 dark:text-yellow-100">
      This browser kept changes from {shortTimeIn(new Date(backup.at), timeZone)} that were not saved.{' '}
      <button type="button" onClick={onRestore} className="font-semibold underline">Restore them</button>{' '}
      <button type="button" onClick={onDiscard} className="underline">
        Discard them
      </button>
    </div>
  );
}
