import type { ActionResult } from '@/lib/actions/define-action';
import type { CollabTicket } from '@/lib/collab/issue-token';

/** What the app said when asked for a token to open the story's shared document. */
export type TicketOutcome =
  | { kind: 'granted'; ticket: CollabTicket }
  /** The app answered no (signed out, no access): asking again will not change that. */
  | { kind: 'refused'; message: string }
  /** The app did not answer (network, 5xx) or failed to (its database is down): worth asking again. */
  | { kind: 'unanswered' };

const REFUSED = 'You cannot open this story now.';

/** `result` is null when the request itself failed (no answer, or an error page instead of one). */
export function ticketOutcomeOf(result: ActionResult<CollabTicket> | null): TicketOutcome {
  if (!result) return { kind: 'unanswered' };
  if (!result.ok) return result.code === 'failed' ? { kind: 'unanswered' } : { kind: 'refused', message: result.message || REFUSED };
  return result.data ? { kind: 'granted', ticket: result.data } : { kind: 'refused', message: REFUSED };
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * How long to wait before asking the app again after `attempt` unanswered requests: doubling
 * from 1 s up to 30 s, somewhere in the upper half so that every editor open in the newsroom
 * does not ask at the same moment. Longer than the socket's own retries (at most 4 s,
 * collab-socket.ts): a refused socket costs the collaboration server nothing, while each of
 * these is a request the struggling app must answer (a session and access check).
 */
export function appRetryDelay(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return Math.round(full / 2 + (random() * full) / 2);
}

/** The part of the provider's socket used here (HocuspocusProviderWebsocket): its current WebSocket. */
export type Reconnectable = { webSocket: { close(): void } | null };

/**
 * The provider's `token` option, and what to do when the server refuses a token. Hocuspocus
 * asks for a token once per connection and never again on the same socket: a token function
 * that throws leaves the socket open and never authenticated (the story never opens until a
 * reload), and an empty token is refused by the server with the socket left open too. So
 * when the app does not answer, this sends an empty token and, once the server has refused
 * it, closes that socket after a wait that grows with each failure; the provider then
 * reconnects by itself (after its own `delay`) and asks for a token again. (Closed only after
 * the server's answer: a socket closed before its first message makes the provider start
 * two reconnections at once.) A refusal by the app is final: no retry.
 */
export function appTokenSource(options: {
  request: () => Promise<ActionResult<CollabTicket> | null>;
  socket: () => Reconnectable;
  onOutcome: (outcome: TicketOutcome) => void;
  retryDelay?: (attempt: number) => number;
}) {
  const retryDelay = options.retryDelay ?? appRetryDelay;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** The socket whose empty token stands for "the app did not answer", until the server refuses it. */
  let unanswered: Reconnectable['webSocket'] = null;

  return {
    async token(): Promise<string> {
      clearTimeout(timer);
      const asking = options.socket().webSocket;
      const outcome = ticketOutcomeOf(await options.request().catch(() => null));
      if (stopped) return '';
      options.onOutcome(outcome);
      unanswered = outcome.kind === 'unanswered' ? asking : null;
      if (outcome.kind !== 'unanswered') attempts = 0;
      return outcome.kind === 'granted' ? outcome.ticket.token : '';
    },
    /** For `onAuthenticationFailed`: true when the refusal only follows the app not answering (then retried). */
    authenticationFailed(): boolean {
      const asking = unanswered;
      if (!asking) return false;
      unanswered = null;
      // Only the socket that asked: the provider may have replaced it meanwhile (offline, online).
      if (!stopped) timer = setTimeout(() => options.socket().webSocket === asking && asking.close(), retryDelay(attempts++));
      return true;
    },
    /** No more retries (the page is leaving the story). */
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
