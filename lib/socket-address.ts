import { randomBytes } from 'node:crypto';
import http from 'node:http';

/**
 * The TCP peer's address of each request, which Next does not pass on.
 *
 * Why this exists: `next start` (Next 16, `server/base-server.js`) does
 * `req.headers['x-forwarded-for'] ??= socket.remoteAddress`, so it records the socket
 * address only when the request has no X-Forwarded-For of its own. A client talking to the
 * app directly can therefore send any X-Forwarded-For it likes and nothing behind it shows
 * its real address; route handlers, server actions and the proxy only ever see headers.
 *
 * So, once per server process (from instrumentation.ts), every incoming request gets a
 * header with its socket address, written before Next reads the request and overwriting
 * anything the client sent under that name. The value carries a secret made at start, so
 * a request that arrived before the stamp was installed (while the server was starting)
 * cannot pass off a forged header as ours: without the secret it is ignored.
 */
export const SOCKET_ADDRESS_HEADER = 'x-masthead-socket-address';

type Stamp = { secret: string };
const shared = globalThis as unknown as { mastheadSocketStamp?: Stamp };

export function stampSocketAddresses(): void {
  if (shared.mastheadSocketStamp) return;
  const stamp: Stamp = { secret: randomBytes(18).toString('base64url') };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = `${stamp.secret} ${request.socket?.remoteAddress ?? ''}`;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  };
  shared.mastheadSocketStamp = stamp;
}

/** The socket address stamped on these headers by this process, or null. */
export function socketAddressFrom(headers: { get(name: string): string | null }): string | null {
  const stamp = shared.mastheadSocketStamp;
  const value = headers.get(SOCKET_ADDRESS_HEADER);
  if (!stamp || !value) return null;
  const [secret, address] = value.split(' ');
  return secret === stamp.secret && address ? address : null;
}
