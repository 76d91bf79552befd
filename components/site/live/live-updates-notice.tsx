'use client';

import { useEffect, useState } from 'react';
import { keepScroll, sessionStore, takeKeptScroll } from './kept-scroll';

type Props = { articleId: string; latestSeq: number; version: number; pollSeconds: number };
/**
 * Loads the page again at an address naming the version wanted. A plain `router.refresh()`
 * asks for the same address, which the browser may answer from its own cache (reader pages
 * allow stale-while-revalidate); a client-side `router.replace` to `?v=N` was answered from
 * the router's own cache (the page reads no search params), so nothing new showed either.
 * The server caches the page by its path, so the new address costs no extra render.
 */
function showVersion(version: number, hash = '') {
  window.location.replace(`${window.location.pathname}?v=${version}${hash}`);
}

type Answer = { latest: number; newUpdates: number; version: number; ended: boolean; pollSeconds: number };

/**
 * Asks the cached "updates since" endpoint at the interval the server sets, and offers
 * "N new updates" for the reader to reveal (nothing moves under their eyes). Edits,
 * deletions, pins and the end of coverage are applied at once, by a reload that keeps the
 * reader's scroll position. Rendered again (with a new key)
 * after each refresh, so it always counts from what the page shows.
 */
export function LiveUpdatesNotice({ articleId, latestSeq, version, pollSeconds }: Props) {
  const [fresh, setFresh] = useState(0);
  const [latestVersion, setLatestVersion] = useState(version);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const store = sessionStore();
    const y = store ? takeKeptScroll(store, articleId) : null;
    if (y !== null) window.scrollTo(0, y);
  }, [articleId]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let wait = pollSeconds;
    // Unasked: the reader stays where they were reading (kept-scroll.ts).
    const refresh = (next: number) => {
      try {
        const store = sessionStore();
        if (store) keepScroll(store, articleId, window.scrollY);
      } catch {
        // Storage full or blocked: reload at the top rather than not at all.
      }
      showVersion(next);
    };
    const check = async () => {
      try {
        const response = await fetch(`/api/live/${articleId}?since=${latestSeq}`);
        if (response.status === 404) return; // withdrawn: stop asking
        if (response.ok) {
          const answer = (await response.json()) as Answer;
          wait = Math.min(120, Math.max(5, answer.pollSeconds || pollSeconds));
          if (answer.ended) return refresh(answer.version);
          if (answer.newUpdates > 0) {
            setFresh(answer.newUpdates);
            setLatestVersion(answer.version);
          } else if (answer.version !== version) refresh(answer.version);
        }
      } catch {
        // Offline for a moment: ask again at the next turn.
      }
      if (!stopped) timer = setTimeout(check, wait * 1000);
    };
    timer = setTimeout(check, wait * 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [articleId, latestSeq, version, pollSeconds]);

  const reveal = () => {
    setPending(true);
    showVersion(latestVersion, '#live-updates');
  };

  return (
    <div aria-live="polite" className="sticky top-2 z-10 flex justify-center empty:hidden">
      {fresh > 0 && (
        <button type="button" onClick={reveal} disabled={pending} className="rounded-full bg-accent px-5 py-2 font-sans text-sm font-bold text-paper shadow-lg">
          {pending ? 'Loading…' : `${fresh} new update${fresh === 1 ? '' : 's'}`}
        </button>
      )}
    </div>
  );
}
