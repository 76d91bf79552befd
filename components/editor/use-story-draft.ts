'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { saveStoryAction, takeOverAction } from '@/lib/actions/stories';
import type { SaveState, StoryDraft } from './types';

const AUTOSAVE_AFTER_MS = 2_000;
/** The longest wait between two tries while the server or database does not answer. */
const RETRY_MAX_MS = 15_000;
const backupKey = (id: string) => `masthead:story:${id}`;

export type Backup = { draft: StoryDraft; baseVersion: number; at: string };

const BACKUP_EVENT = 'masthead:backup';

function writeBackup(id: string, backup: Backup) {
  try {
    window.localStorage.setItem(backupKey(id), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server copy still autosaves.
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

type Options = { id: string; version: number; revisionId: number; initial: StoryDraft; savedAt: string; enabled: boolean };

/**
 * The working copy in the browser: every change is backed up to this browser at once and
 * saved to the server two seconds after typing stops (or at once on Ctrl/Cmd+S). A dropped
 * connection retries with growing waits; a refused save (someone else's newer version, or
 * a take-over) stops autosave and keeps the text, so nothing is ever lost.
 */
export function useStoryDraft({ id, version: initialVersion, revisionId: initialRevisionId, initial, savedAt, enabled }: Options) {
  const [draft, setDraft] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  // The working copy this page last loaded or saved: with `version`, what the person has seen.
  const [revisionId, setRevisionId] = useState(initialRevisionId);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: savedAt });
  const [refusal, setRefusal] = useState<{ keptAs: number; currentVersion: number; locked: boolean } | null>(null);
  const latest = useRef({ draft, version, revisionId, enabled, changedSinceSave: false, generation: 0, edits: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef<(reason: 'autosave' | 'save', attempt?: number) => Promise<boolean>>(async () => false);
  useEffect(() => {
    latest.current.enabled = enabled && refusal === null;
  }, [enabled, refusal]);

  const save = useCallback(
    async (reason: 'autosave' | 'save', attempt = 0): Promise<boolean> => {
      clearTimeout(timer.current);
      const current = latest.current;
      if (!current.enabled) return false;
      const generation = ++current.generation;
      const editsAtStart = current.edits;
      setState({ kind: 'saving' });
      let result;
      try {
        result = await saveStoryAction(null, { articleId: id, baseVersion: current.version, reason, fields: current.draft });
      } catch {
        result = null;
      }
      if (generation !== latest.current.generation && result?.ok) {
        // A newer save started meanwhile; it carries the later text.
        if (result.data?.status === 'saved') {
          latest.current.version = result.data.version;
          latest.current.revisionId = result.data.revisionId;
        }
        return true;
      }
      if (!result || (!result.ok && result.code === 'failed')) {
        // The server or its database is not answering: the browser copy stays, and saving
        // is tried again after 2, 4, 8, then every 15 seconds, or at once when the
        // browser comes back online.
        const wait = Math.min(RETRY_MAX_MS, 2_000 * 2 ** attempt);
        setState({ kind: 'retrying', attempt: attempt + 1, cause: result ? 'database' : 'server' });
        timer.current = setTimeout(() => void saveRef.current(reason, attempt + 1), wait);
        return false;
      }
      if (result.ok && result.data?.status === 'saved') {
        latest.current.version = result.data.version;
        latest.current.revisionId = result.data.revisionId;
        setVersion(result.data.version);
        setRevisionId(result.data.revisionId);
        // Keep the browser copy if more was typed while saving; that will be saved next.
        if (latest.current.edits === editsAtStart) {
          clearBackup(id);
          latest.current.changedSinceSave = false;
        }
        setState({ kind: 'saved', at: new Date(result.data.savedAt).toISOString() });
        return true;
      }
      if (!result.ok && result.code === 'conflict' && result.data && result.data.status !== 'saved') {
        setRefusal({
          keptAs: result.data.keptAs,
          currentVersion: 'version' in result.data ? result.data.version : latest.current.version,
          locked: result.data.status === 'locked',
        });
        setState({ kind: 'refused', message: result.message });
        return false;
      }
      if (!result.ok) {
        setState({ kind: 'invalid', message: result.message, fieldErrors: result.fieldErrors });
        return false;
      }
      return true;
    },
    [id],
  );
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback(
    (change: Partial<StoryDraft>) => {
      setDraft((previous) => {
        const next = { ...previous, ...change };
        latest.current.draft = next;
        latest.current.changedSinceSave = true;
        latest.current.edits += 1;
        writeBackup(id, { draft: next, baseVersion: latest.current.version, at: new Date().toISOString() });
        return next;
      });
      if (!latest.current.enabled) return;
      setState({ kind: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save('autosave'), AUTOSAVE_AFTER_MS);
    },
    [id, save],
  );

  /** Replaces the whole working copy in the browser (restoring a backup, or taking theirs). */
  const replace = useCallback((next: StoryDraft, nextVersion?: number, nextRevisionId?: number) => {
    latest.current.draft = next;
    if (nextVersion !== undefined) {
      latest.current.version = nextVersion;
      setVersion(nextVersion);
    }
    if (nextRevisionId !== undefined) {
      latest.current.revisionId = nextRevisionId;
      setRevisionId(nextRevisionId);
    }
    setDraft(next);
  }, []);

  /** After a refusal: save mine over the newer version (theirs stays in history), taking the story back if needed. */
  const keepMine = useCallback(async () => {
    if (!refusal) return;
    let currentVersion = refusal.currentVersion;
    if (refusal.locked) {
      const taken = await takeOverAction(null, { articleId: id });
      if (!taken.ok || !taken.data) return;
      currentVersion = taken.data.version;
    }
    latest.current.version = currentVersion;
    setVersion(currentVersion);
    setRefusal(null);
    latest.current.enabled = true;
    await save('save');
  }, [refusal, save, id]);

  const dismissRefusal = useCallback((nextVersion: number) => {
    latest.current.version = nextVersion;
    setVersion(nextVersion);
    setRefusal(null);
    setState({ kind: 'saved', at: new Date().toISOString() });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save('save');
      }
    };
    const onLeave = (event: BeforeUnloadEvent) => {
      if (latest.current.changedSinceSave) event.preventDefault();
    };
    // Back online after a dropped connection: try the waiting save now rather than at its next turn.
    const onOnline = () => {
      if (latest.current.changedSinceSave) void save('autosave');
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('online', onOnline);
      clearTimeout(timer.current);
    };
  }, [save]);

  /** What a publish, schedule or update click must carry: the version on this screen. */
  const seen = useCallback(() => ({ version: latest.current.version, revisionId: latest.current.revisionId }), []);

  return { draft, version, revisionId, seen, state, refusal, update, replace, save, keepMine, dismissRefusal };
}
