import 'server-only';

/**
 * A refusal a person can act on, with its message shown as is. In its own module so
 * domain code run outside Next (the seed, scripts) can throw it without loading sign-in.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid' | 'conflict' | 'failed' = 'invalid',
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}
