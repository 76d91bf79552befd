import { isAllowedOrigin } from './origin';

/**
 * What a socket may send before any of its documents has authenticated. Hocuspocus queues
 * everything but the token until then, without limit, for any document name. A page sends
 * a token, a state vector and its presence (a few KB); its provider holds back what it
 * queued while offline until the server's first answer, which comes after authentication.
 */
export const MAX_UNAUTHENTICATED_BYTES = 4 * 1024 * 1024;
export const MAX_UNAUTHENTICATED_MESSAGES = 2_000;

type UpgradeSocket = { write(data: string): void; destroy(): void };
type MessageSocket = {
  on(event: 'message', listener: (data: Buffer) => void): void;
  off(event: 'message', listener: (data: Buffer) => void): void;
  close(code: number, reason: string): void;
};

/**
 * Answers 403 to a WebSocket upgrade from a page that is not the site's (`isAllowedOrigin`)
 * and returns true; the caller then stops Hocuspocus from upgrading it.
 */
export function refuseForeignOrigin(origin: string | undefined, allowed: readonly string[], socket: UpgradeSocket): boolean {
  if (isAllowedOrigin(origin, allowed)) return false;
  socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nThis page may not open the collaboration server.\n');
  socket.destroy();
  return true;
}

/** Ends a socket that sends more than a page would before `authenticated()` holds (1008). */
export function limitBeforeAuthentication(socket: MessageSocket, authenticated: () => boolean): void {
  let bytes = 0;
  let messages = 0;
  const count = (data: Buffer) => {
    if (authenticated()) return socket.off('message', count);
    bytes += data.length;
    messages += 1;
    if (bytes > MAX_UNAUTHENTICATED_BYTES || messages > MAX_UNAUTHENTICATED_MESSAGES) socket.close(1008, 'too-much-before-authentication');
  };
  socket.on('message', count);
}
