import 'server-only';
import { AuthError } from 'next-auth';
import { ActionError } from '@/lib/errors';
import { signIn } from './auth';
import { waitText } from './login-throttle';
import { SignInBlocked } from './sign-in-errors';

export const WRONG_CREDENTIALS = 'The email address or password is not correct.';

/**
 * Signs a person in from our form, or refuses with the same message whether the email is
 * unknown or the password wrong. Throttling, auditing and the password check itself happen
 * inside Auth.js's `authorize` (lib/auth/attempt-sign-in.ts), which every door shares.
 */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInBlocked) {
      throw new ActionError(`Too many attempts. Please wait ${waitText(error.retryAfterSeconds)} and try again.`);
    }
    if (error instanceof AuthError) throw new ActionError(WRONG_CREDENTIALS);
    throw error;
  }
}

/** Where to go after signing in: only newsroom paths on this site. */
export function safeNextPath(next: unknown): string {
  return typeof next === 'string' && /^\/newsroom(\/[\w\-/]*)?$/.test(next) ? next : '/newsroom';
}
