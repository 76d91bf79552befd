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

function resultIn(flight: string): ActionResult | undefined {
  for (const line of flight.split('\n')) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!match) continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(match[1]!) as Record<string, unknown>;
    } catch {
      continue;
    }
    if ('ok' in row) return row as ActionResult;
    const inline = row.a as Record<string, unknown> | undefined;
    if (inline && typeof inline === 'object' && 'ok' in inline) return inline as ActionResult;
  }
  return undefined;
}
