import type { HocuspocusProvider } from '@hocuspocus/provider';

/**
 * A lost network is told by the browser at once; the socket would notice only after a
 * timeout (its close handshake cannot get through). Drops it now, and connects at once
 * when the network is back rather than at the next backed-off retry. Returns the cleanup.
 */
export function followBrowserNetwork(provider: HocuspocusProvider, setOnline: (online: boolean) => void): () => void {
  const socket = provider.configuration.websocketProvider;
  const offline = () => {
    setOnline(false);
    socket.onClose({ event: { code: 4408, reason: 'offline' } as CloseEvent });
  };
  const online = () => {
    setOnline(true);
    void socket.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}
