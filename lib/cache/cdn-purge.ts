import 'server-only';
import { createHmac } from 'node:crypto';
import { after } from 'next/server';
import { cdnPurgeSettings } from '@/lib/config';
import { purgeKeys } from './cdn-keys';

/**
 * The optional CDN purge hook (CDN_PURGE_URL): when cache tags expire, the instance that
 * made the change POSTs them, signed, to an endpoint of yours that purges them at the CDN
 * (Fastly's purge by surrogate key, Cloudflare's purge by tag, …). Other instances only
 * hear of the change (cross-instance.ts) and send nothing, so each change is sent once.
 *
 * Body: `{"tags":[…],"sentAt":"…"}`. Headers: `X-Masthead-Timestamp` (Unix seconds) and
 * `X-Masthead-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with
 * CDN_PURGE_SECRET>`. A receiver should refuse a bad signature and a timestamp more than a
 * few minutes old. Failures (network, 408, 429, 5xx) are retried with doubling pauses.
 */
export const PURGE_ATTEMPTS = 5;
export const SIGNATURE_HEADER = 'X-Masthead-Signature';
export const TIMESTAMP_HEADER = 'X-Masthead-Timestamp';

export function signPurge(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const retriable = (status: number) => status === 408 || status === 429 || status >= 500;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Sends one purge, retrying; resolves whether or not it got through (failures are logged). */
export async function sendPurge(tags: readonly string[]): Promise<boolean> {
  const settings = cdnPurgeSettings();
  if (!settings || tags.length === 0) return true;
  const body = JSON.stringify({ tags: purgeKeys(tags), sentAt: new Date().toISOString() });
  let problem = '';
  for (let attempt = 1; attempt <= PURGE_ATTEMPTS; attempt++) {
    if (attempt > 1) await pause(settings.retryBaseMs * 2 ** (attempt - 2));
    // Signed afresh each attempt, so a retry is never refused as too old.
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signPurge(settings.secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return true;
      problem = `HTTP ${response.status}`;
      if (!retriable(response.status)) break;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  console.error(`CDN purge of ${tags.length} tags failed (${problem}); the CDN keeps those pages until their s-maxage runs out`);
  return false;
}

/**
 * Purges in the background: after the response when called in a request (the editor never
 * waits for the CDN), at once otherwise (the scheduler).
 */
export function purgeInBackground(tags: readonly string[]): void {
  if (!cdnPurgeSettings()) return;
  const send = () => sendPurge(tags).then(() => undefined);
  try {
    after(send);
  } catch {
    void send();
  }
}
