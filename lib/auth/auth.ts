import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { verifyCredentials } from './credentials';
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

/**
 * Auth.js with email and password, sessions as signed JWT cookies. The token carries only
 * the user id, the session version, the sign-in time and a session id; getCurrentUser()
 * checks the user row (and that the session was not signed out) on every request. The cookie lasts the idle timeout and is renewed as the person
 * works (by the proxy); the sign-in time bounds the whole session.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: process.env.AUTH_TRUST_HOST === 'true' || process.env.NODE_ENV !== 'production' || undefined,
  session: { strategy: 'jwt', maxAge: sessionSettings.idleSeconds, updateAge: 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
        token.authTime = now;
        token.sid = crypto.randomUUID();
      }
      if (typeof token.authTime !== 'number' || now - token.authTime > sessionSettings.maxSeconds) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.userId = token.sub;
      session.sessionVersion = token.sv as number | undefined;
      session.authTime = token.authTime as number | undefined;
      session.sid = token.sid as string | undefined;
      return session;
    },
  },
});
