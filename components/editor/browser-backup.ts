'use client';

import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { StoryDraft } from './types';

const backupKey = (id: string) => `masthead:story:${id}`;

export type Backup = { draft: StoryDraft; at: string };

const BACKUP_EVENT = 'masthead:backup';

/**
 * The last resort: a copy of the story in this browser while the collaboration server has
 * not acknowledged every edit (offline, or a tab closed before reconnecting).
 */
export function writeBackup(id: string, backup: Backup) {
  try {
    window.localStorage.setItem(backupKey(id), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the shared document still holds the edits while the page is open.
  }
}

export function clearBackup(id: string) {
  try {
    window.localStorage.removeItem(backupKey(id));
    window.dispatchEvent(new Event(BACKUP_EVENT));
  } catch {}
}

const subscribe = (onChange: () => void) => {
  window.addEventListener(BACKUP_EVENT, onChange);
  return () => window.removeEventListener(BACKUP_EVENT, onChange);
};

/** What this browser kept of a story when the page loaded (none during server rendering). */
export function useStoredBackup(id: string): Backup | null {
  const initial = useRef<string | null | undefined>(undefined);
  const raw = useSyncExternalStore(
    subscribe,
    () => {
      // The backup as it was at load: later keystrokes rewrite it, but it is offered once.
      if (initial.current === undefined) initial.current = safeRead(id);
      return window.localStorage.getItem(backupKey(id)) === null ? null : initial.current;
    },
    () => null,
  );
  return useMemo(() => {
    try {
      return raw ? (JSON.parse(raw) as Backup) : null;
    } catch {
      return null;
    }
  }, [raw]);
}

function safeRead(id: string): string | null {
  try {
    return window.localStorage.getItem(backupKey(id));
  } catch {
    return null;
  }
}
