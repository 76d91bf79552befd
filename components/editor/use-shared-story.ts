'use client';

import { HocuspocusProvider } from '@hocuspocus/provider';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { collabTokenAction } from '@/lib/actions/collab';
import { ACCESS_ENDED, SESSION_ENDED, type ServerMessage } from '@/lib/collab/messages';
import { resyncWhenEditable } from '@/lib/collab/resync-when-editable';
import { appTokenSource } from './app-token';
import { collabSocket } from './collab-socket';
import { sharedStateOf, storeFailureOf, type StoreFailure } from './shared-state';
import { fieldsOf, writeFieldsIntoDocument } from './shared-story-fields';
import { createFlushRequests, type FlushResult } from './flush-requests';
import { followBrowserNetwork } from './follow-browser-network';
import type { StoryDraft } from './types';
import { clearBackup, writeBackup } from './browser-backup';

type Options = {
  articleId: string;
  /** ws(s) address of the collaboration server; null: `/collab` on this site's host. */
  collabUrl: string | null;
  initial: StoryDraft;
  saved: { at: string; version: number; revisionId: number };
};

export type Collaboration = { doc: Y.Doc; provider: HocuspocusProvider; user: { name: string; color: string } };

/**
 * The story as everyone in it edits it together: a Yjs document kept in step with the
 * collaboration server by Hocuspocus. Typing goes into the document (so it works offline
 * and merges on reconnect); the server saves the working copy from it. While there are
 * edits the server has not acknowledged, this browser also keeps a copy (last resort).
 */
export function useSharedStory({ articleId, collabUrl, initial, saved: initialSaved }: Options) {
  const router = useRouter();
  const [doc] = useState(() => new Y.Doc());
  const [collab, setCollab] = useState<Collaboration | null>(null);
  const [draft, setDraft] = useState(initial);
  const [mode, setMode] = useState<'edit' | 'read' | null>(null);
  /** Watching only because the server cannot check this person's access right now. */
  const [accessUnconfirmed, setAccessUnconfirmed] = useState(false);
  const [connection, setConnection] = useState<'connecting' | 'connected' | 'offline'>('connecting');
  const [synced, setSynced] = useState(false);
  const [connectFailed, setConnectFailed] = useState(false);
  const [appUnanswered, setAppUnanswered] = useState(false);
  const [unsynced, setUnsynced] = useState(0);
  const [saved, setSaved] = useState(initialSaved);
  const [invalid, setInvalid] = useState<{ message: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [browserOnline, setBrowserOnline] = useState(true);
  const [storeFailed, setStoreFailed] = useState<StoreFailure | null>(null);
  const [flushes] = useState(createFlushRequests);
  const latest = useRef<{ draft: StoryDraft; unsynced: number; wroteBackup: boolean; connected: boolean; ready: boolean; everSynced: boolean; provider: HocuspocusProvider | null }>({
    draft: initial,
    unsynced: 0,
    wroteBackup: false,
    connected: false,
    ready: false,
    everSynced: false,
    provider: null,
  });

  useEffect(() => {
    const url = collabUrl ?? `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
    const onMessage = (message: ServerMessage) => {
      switch (message.type) {
        case 'saved':
          setSaved({ at: message.at, version: message.version, revisionId: message.revisionId });
          setInvalid(null);
          setStoreFailed(null);
          return;
        case 'unsaved':
          setStoreFailed(storeFailureOf(message));
          return;
        case 'invalid':
          setInvalid({ message: message.message, fieldErrors: message.fieldErrors });
          return;
        case 'access':
          setMode(message.mode);
          setAccessUnconfirmed(message.unconfirmed === true);
          // Nothing changed about the story while access merely cannot be checked.
          if (!message.unconfirmed) router.refresh();
          return;
        case 'story-changed':
          router.refresh();
          return;
        case 'flushed':
          flushes.answer(message);
          return;
      }
    };
    let user = { name: '', color: '#1d4ed8' };
    // Asked again at every (re)connection: a fresh short-lived token, after the app has
    // checked this person may still open the story. When the app does not answer (network,
    // 5xx, its database down), that is not a refusal: the connection is retried, backing off.
    const tokens = appTokenSource({
      request: () => collabTokenAction(null, { articleId }),
      socket: () => provider.configuration.websocketProvider,
      onOutcome: (outcome) => {
        setAppUnanswered(outcome.kind === 'unanswered');
        if (outcome.kind === 'refused') setRefused(outcome.message);
        if (outcome.kind !== 'granted') return;
        setRefused(null);
        setMode(outcome.ticket.mode);
        user = outcome.ticket.user;
        provider.setAwarenessField('user', user);
      },
    });
    const socket = collabSocket(url);
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: articleId,
      document: doc,
      token: tokens.token,
      onStatus: ({ status }) => {
        latest.current.connected = status === 'connected';
        if (status !== 'connected') latest.current.ready = false;
        if (status === 'disconnected' && !latest.current.everSynced) setConnectFailed(true);
        setConnection(status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline');
      },
      // The editor binds only once the document holds the server's content: bound to an
      // empty document, its first transaction would write that emptiness over the story.
      // Once: it stays bound to this document and provider for the page's life (reconnects included).
      onSynced: () => {
        latest.current.ready = true;
        latest.current.everSynced = true;
        setSynced(true);
        setCollab((previous) => previous ?? { doc, provider, user });
      },
      onUnsyncedChanges: ({ number }) => {
        latest.current.unsynced = number;
        setUnsynced(number);
        // Only a copy this page wrote: one left by a closed tab waits to be offered.
        if (number === 0 && latest.current.wroteBackup) {
          latest.current.wroteBackup = false;
          clearBackup(articleId);
        }
      },
      onAuthenticationFailed: () => {
        if (!tokens.authenticationFailed()) setRefused((previous) => previous ?? 'You cannot open this story now.');
      },
      onClose: ({ event }) => {
        // The server ended this story's connection: the session is over (signed out,
        // deactivated) or the person may no longer open the story.
        if (event.reason === SESSION_ENDED) setRefused('Your session has ended. Sign in again to continue.');
        else if (event.reason === ACCESS_ENDED) setRefused('You no longer have access to this story.');
      },
      onStateless: ({ payload }) => {
        let message: ServerMessage;
        try {
          message = JSON.parse(payload) as ServerMessage;
        } catch {
          return; // Not ours; ignore.
        }
        onMessage(message);
        resyncWhenEditable(provider, message);
      },
    });
    const onUpdate = () => {
      setDraft((previous) => {
        const next = fieldsOf(doc, previous);
        latest.current.draft = next;
        return next;
      });
    };
    provider.attach();
    latest.current.provider = provider;
    doc.on('update', onUpdate);
    const stopFollowingNetwork = followBrowserNetwork(provider, setBrowserOnline);
    return () => {
      stopFollowingNetwork();
      doc.off('update', onUpdate);
      tokens.stop();
      provider.destroy();
      socket.destroy();
    };
  }, [articleId, collabUrl, doc, flushes, router]);

  // Kept in this browser only while the server lacks some of this page's edits (checked
  // once the provider has counted the edit), so a tab closed offline loses nothing.
  const keepBackup = useCallback(() => {
    const write = () => {
      latest.current.wroteBackup = true;
      writeBackup(articleId, { draft: latest.current.draft, at: new Date().toISOString() });
    };
    if (!latest.current.everSynced) return;
    // Not connected: at once (the tab may close next). Connected: once the provider has
    // counted the edit, and only if the server has not acknowledged it yet.
    if (!latest.current.connected) write();
    else setTimeout(() => latest.current.unsynced > 0 && write(), 0);
  }, [articleId]);

  /** A local edit: into the shared document (the body goes there through the editor itself). */
  const update = useCallback(
    (change: Partial<StoryDraft>) => {
      writeFieldsIntoDocument(doc, change);
      latest.current.draft = { ...latest.current.draft, ...change };
      setDraft((previous) => ({ ...previous, ...change }));
      keepBackup();
    },
    [doc, keepBackup],
  );

  /** The body as the editor shows it (local or remote edits), for the word count and the backup. */
  const setBody = useCallback(
    (body: StoryDraft['body'], local: boolean) => {
      latest.current.draft = { ...latest.current.draft, body };
      setDraft((previous) => ({ ...previous, body }));
      if (local) keepBackup();
    },
    [keepBackup],
  );

  /** Before a workflow step: the server saves the working copy now and says which version that is. */
  const flush = useCallback(
    (): Promise<FlushResult> => flushes.ask(() => latest.current.ready, () => latest.current.provider),
    [flushes],
  );

  const state = sharedStateOf({ refused, synced, browserOnline, connection, connectFailed, appUnanswered, storeFailed, unsynced, invalid, savedAt: saved.at });

  return { doc, collab, draft, mode: refused ? null : mode, accessUnconfirmed, synced, state, saved, update, setBody, flush };
}
