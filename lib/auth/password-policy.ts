import 'server-only';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// The zxcvbn-ts project's list of the ~50,000 most common passwords.
const common = new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));

/**
 * Why a new password is refused, or null. Length and commonness only: no composition
 * rules (NIST SP 800-63B, OWASP ASVS 2.1).
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(lower.replace(/\d+$/, ''))) {
    return 'This password is on a list of commonly used passwords. Choose another.';
  }
  const personal = [context.email?.split('@')[0], context.name].filter((v): v is string => Boolean(v && v.length >= 4));
  if (personal.some((word) => lower === word.toLowerCase())) return 'Do not use your name or email as your password.';
  if (/^(.)\1+$/u.test(password)) return 'Do not use one character repeated.';
  return null;
}
