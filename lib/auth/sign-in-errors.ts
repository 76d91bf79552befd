import { CredentialsSignin } from 'next-auth';

/**
 * Thrown from `authorize` while the account or address is blocked. Auth.js passes it to
 * `signIn()` callers as is, and its own endpoint redirects with `code=too_many_attempts`.
 */
export class SignInBlocked extends CredentialsSignin {
  code = 'too_many_attempts';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}
