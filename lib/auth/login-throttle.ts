import 'server-only';
import type { Executor } from '@/db/client';
import { numberSetting } from '@/lib/config';
import { addressBucket } from '@/lib/request-context';
import { forgetKey, refundAttempt, reserveAttempt, type AttemptRule, type CountedKey, type Reservation } from './attempt-counter';

/**
 * Sign-in throttling, per account and per client address (see attempt-counter.ts).
 *
 * - An account gets a few free failures; then each failure blocks it for twice as long as
 *   the last (30 s, 1 min, 2 min…), never more than 15 minutes, so that a stranger guessing
 *   cannot lock its owner out for long (and the owner can always get in with a reset link).
 *   One failure is forgiven every five minutes: a patient guesser gets about a dozen tries
 *   an hour, and the owner's one typo after a block costs little.
 * - An address that fails too often across any accounts (credential stuffing) is blocked.
 */
const number = numberSetting;

export function signInRules(): { account: AttemptRule; address: AttemptRule } {
  const addressFailures = number('LOGIN_ADDRESS_FAILURES');
  const addressBlock = number('LOGIN_ADDRESS_BLOCK_SECONDS');
  return {
    account: {
      free: number('LOGIN_FREE_FAILURES'),
      firstBlockSeconds: number('LOGIN_FIRST_BLOCK_SECONDS'),
      maxBlockSeconds: number('LOGIN_MAX_BLOCK_SECONDS'),
      decaySeconds: number('LOGIN_FAILURE_DECAY_SECONDS'),
    },
    // "N failures in 15 minutes": the score forgets N every 15 minutes.
    address: { free: addressFailures, firstBlockSeconds: addressBlock, maxBlockSeconds: addressBlock, decaySeconds: (15 * 60) / addressFailures },
  };
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

function keys(email: string, address: string): { account: CountedKey; address: CountedKey } {
  const rules = signInRules();
  return {
    account: { key: accountKey(email), rule: rules.account },
    address: { key: `address:${addressBucket(address)}`, rule: rules.address },
  };
}

/** Counts a sign-in attempt before its password is checked, or refuses it while blocked. */
export async function reserveSignInAttempt(email: string, address: string): Promise<Reservation> {
  const { account, address: byAddress } = keys(email, address);
  return reserveAttempt([account, byAddress]);
}

/** The right password: the account's count starts again; the address gets its point back. */
export async function signInSucceeded(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = keys(email, address);
  await Promise.all([forgetKey(account.key), refundAttempt(byAddress)]);
}

/** The owner set a new password from an emailed link: any block on the account ends. */
export async function clearAccountBlock(email: string, executor?: Executor): Promise<void> {
  await forgetKey(accountKey(email), executor);
}

/** "30 seconds", "2 minutes". */
export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
