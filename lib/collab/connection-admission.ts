import 'server-only';
import type { Extension } from '@hocuspocus/server';
import type { CollabAccess, CollabSession } from './access';
import type { ConnectionContext } from './connection-context';
import { limitBeforeAuthentication, refuseForeignOrigin } from './socket-guards';
import { verifyCollabToken, type createTokenLedger } from './token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A rejection without a message stops the upgrade without Hocuspocus logging or rethrowing it.
const UPGRADE_REFUSED = null;
/**
 * An empty token is a page whose app did not answer its token request (components/editor/
 * app-token.ts): it is refused so that the page closes the socket and asks the app again,
 * and, having no message, not logged. Every retry of every open page during an outage of
 * the app used to log "Invalid or expired token", which read like an attack.
 */
const NO_TOKEN = { reason: 'no-token' };

type AdmissionOptions = {
  secret: string;
  allowedOrigins: readonly string[];
  usedTokens: ReturnType<typeof createTokenLedger>;
  accessOf: (session: CollabSession, articleId: string) => Promise<CollabAccess>;
};

/**
 * Who may connect: only the site's pages (Origin), each with a single-use token the app
 * signed, for a person whose session and access the database confirms now; a socket
 * sends little before one of its documents has authenticated.
 */
export function createConnectionAdmission({ secret, allowedOrigins, usedTokens, accessOf }: AdmissionOptions) {
  /** The upgrade requests (one per socket) on which a document has authenticated. */
  const authenticatedSockets = new WeakSet<object>();
  const hooks = {
    async onUpgrade({ request, socket }: { request: { headers: { origin?: string } }; socket: { write(data: string): void; destroy(): void } }) {
      if (refuseForeignOrigin(request.headers.origin, allowedOrigins, socket)) throw UPGRADE_REFUSED;
    },

    async onAuthenticate({ token, documentName, connectionConfig, request }) {
      if (!UUID.test(documentName)) throw new Error('Unknown story.');
      if (!token) throw NO_TOKEN;
      const claims = verifyCollabToken(token, secret, documentName);
      if (!claims) throw new Error('Invalid or expired token.');
      if (!(await usedTokens.claim(claims))) throw new Error('This token was already used.');
      // Checked now, against the database: a token does not outlive its session (signed
      // out, revoked, a new session version, deactivated) or the person's access.
      const access = await accessOf(claims, documentName);
      if (access === 'none' || access === 'ended') throw new Error('Forbidden.');
      connectionConfig.readOnly = access === 'read';
      authenticatedSockets.add(request);
      const context: ConnectionContext = { userId: claims.userId, sid: claims.sid, sessionVersion: claims.sessionVersion, name: claims.name, access, confirmed: true };
      return context;
    },
  } satisfies Partial<Extension>;
  return {
    hooks,
    /** For each new socket (the WebSocket server's `connection` event). */
    limitBeforeAuthentication: (socket: Parameters<typeof limitBeforeAuthentication>[0], request: object) => limitBeforeAuthentication(socket, () => authenticatedSockets.has(request)),
  };
}
