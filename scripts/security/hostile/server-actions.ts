import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

/** Action ids of this build, by `file#export`, from Next's own manifest. */
export function actionIds(manifestPath = '.next/server/server-reference-manifest.json'): Map<string, string> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename.replace(/^\.\//, '')}#${entry.exportedName}`, id);
  }
  return ids;
}

/** The result shape every action returns (lib/actions/define-action.ts). */
export type ActionResult = { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string[]>; data?: unknown };

/**
 * React's reply encoding for plain JSON arguments: strings that start with `$` are escaped
 * with one more `$` (React reserves them for references). Enough for what the forms send.
 */
const encodeReply = (args: unknown[]) => JSON.stringify(args, (_key, value) => (typeof value === 'string' && value.startsWith('$') ? `$${value}` : value));

/**
 * Calls a server action the way the newsroom's own JavaScript does (POST with the action id,
 * the signed-in session's cookies, a same-origin Origin), so the server sees exactly what a
 * person's browser would send. Returns the action's result, or the redirect it asked for.
 */
export async function callAction(
  request: APIRequestContext,
  params: { origin: string; page: string; id: string; input: unknown },
): Promise<{ status: number; result?: ActionResult; redirect?: string }> {
  const response = await request.post(`${params.origin}${params.page}`, {
    headers: { 'Next-Action': params.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: params.origin },
    data: encodeReply([null, params.input]),
    maxRedirects: 0,
    timeout: 60_000,
  });
  const redirect = response.headers()['x-action-redirect']?.split(';')[0];
  if (response.status() >= 300) return { status: response.status(), redirect };
  const text = await response.text();
  return { status: response.status(), redirect, result: resultIn(text) };
}

/**
 * The action's result out of React's Flight stream. Rows are `<id>:<json>` lines, except long
 * strings, which come as `<id>:T<byte length in hex>,<text>` rows referenced as "$<id>".
 */
export function resultIn(flight: string): ActionResult | undefined {
  const bytes = Buffer.from(flight);
  const texts = new Map<string, string>();
  const rows: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(':', at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString();
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(',', colon);
      const length = Number.parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
      texts.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString());
      at = comma + 1 + length;
      continue;
    }
    const end = bytes.indexOf('\n', colon);
    rows.push(bytes.subarray(colon + 1, end < 0 ? bytes.length : end).toString());
    at = end < 0 ? bytes.length : end + 1;
  }
  const revive = (_key: string, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith('$')) return value;
    if (value.startsWith('$$')) return value.slice(1);
    return texts.get(value.slice(1)) ?? value;
  };
  for (const row of rows) {
    if (!row.startsWith('{')) continue;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(row, revive) as Record<string, unknown>;
    } catch {
      continue;
    }
    if ('ok' in parsed) return parsed as ActionResult;
    const inline = parsed.a as Record<string, unknown> | undefined;
    if (inline && typeof inline === 'object' && 'ok' in inline) return inline as ActionResult;
  }
  return undefined;
}
