import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { runtime } from '@/lib/config';
import { clientAddressFrom } from '@/lib/request-context';
import { attemptPasswordSignIn } from './attempt-sign-in';
import { SignInBlocked } from './sign-in-errors';
import { isSessionLive, revokeSession, type SessionClaims } from './session-revocation';
import { sessionSettings } from './session-settings';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    userId?: string;
    /** This session's own id, so that signing out can end it on the server. */
    sid?: string;
    sessionVersion?: number;
    /** When the person signed in (seconds since the epoch), for the absolute lifetime. */
    authTime?: number;
  }
}

const credentialsInput = z.object({ email: z.string().email().max(320), password: z.string().min(1).max(1024) });

function claimsOf(token: { sub?: string; sid?: unknown; authTime?: unknown; sv?: unknown }): SessionClaims | null {
  if (!token.sub || typeof token.sid !== 'string' || typeof token.authTime !== 'number') return null;
  return { userId: token.sub, sid: token.sid, authTime: token.authTime, sessionVersion: typeof token.sv === 'number' ? token.sv : undefined };
}

/**
 * Auth.js with email and password, sessions as signed JWT cookies. The token carries only
 * the user id, the session version, the sign-in time and a session id; getCurrentUser()
 * checks the user row (and that the session was not signed out) on every request. The
 * cookie lasts the idle timeout and is renewed as the person works (by the proxy); the
 * sign-in time bounds the whole session.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: runtime.trustHost() || undefined,
  session: { strategy: 'jwt', maxAge: sessionSettings.idleSeconds, updateAge: 60 },
  pages: { signIn: '/login' },
  // Refused sign-ins are expected and already in the audit log; a stack trace for each
  // would let anyone flood the server's log.
  logger: {
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Every password sign-in comes through here: our form (via signIn()) and Auth.js's own
      // POST /api/auth/callback/credentials alike. So the throttle, the audit and the
      // constant-time check live behind this one call (see attempt-sign-in.ts).
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const attempt = await attemptPasswordSignIn({ ...parsed.data, address: clientAddressFrom(request) });
        if (attempt.outcome === 'blocked') throw new SignInBlocked(attempt.retryAfterSeconds);
        if (attempt.outcome === 'wrong_credentials') return null;
        return { id: attempt.user.id, sessionVersion: attempt.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
        token.authTime = now;
        token.sid = crypto.randomUUID();
        return token;
      }
      const claims = claimsOf(token);
      if (!claims || now - claims.authTime > sessionSettings.maxSeconds) return null;
      // A renewal (the proxy re-issues the cookie on each newsroom request, prefetches
      // included) must never bring back a session that has ended: returning null makes
      // Auth.js clear the cookie instead. getCurrentUser() checks again, failing closed, so
      // a database hiccup here only skips the renewal's check rather than signing people out.
      const live = await isSessionLive(claims).catch(() => true);
      return live ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.userId = token.sub;
      session.sessionVersion = token.sv as number | undefined;
      session.authTime = token.authTime as number | undefined;
      session.sid = token.sid as string | undefined;
      return session;
    },
  },
  events: {
    // Auth.js's own POST /api/auth/signout ends the session on the server too, not only
    // our "Sign out" button (which revokes before calling signOut()).
    async signOut(message) {
      const claims = 'token' in message && message.token ? claimsOf(message.token) : null;
      if (claims) await revokeSession(claims);
    },
  },
});
