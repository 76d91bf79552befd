'use client';

import { useEffect } from 'react';

/** Reports one view of a story once the page is actually shown (not prerendered or prefetched). */
export function ViewBeacon({ articleId }: { articleId: string }) {
  useEffect(() => {
    const send = () => {
      const body = JSON.stringify({ id: articleId });
      if (!navigator.sendBeacon?.('/api/views', new Blob([body], { type: 'application/json' }))) {
        void fetch('/api/views', { method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'application/json' } });
      }
    };
    if (document.visibilityState === 'visible') return send();
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', onVisible);
      send();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [articleId]);
  return null;
}
