/**
 * Calling a Next server action over plain HTTP, as the browser's router does: a POST to the
 * page's address with the action's id in the `Next-Action` header and the arguments encoded
 * as React's `encodeReply` encodes them. The answer is an RSC stream whose root row points
 * at the row holding the action's return value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type HttpResponse } from './http';

type ManifestEntry = { filename?: string; exportedName?: string };

/** Action ids by source file and export, read from a build's server-reference manifest. */
export function readActionIds(distDir: string): (file: string, exportName: string) => string {
  const manifest = JSON.parse(readFileSync(join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  return (file, exportName) => {
    const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportName);
    if (!found) throw new Error(`No server action ${exportName} from ${file} in ${distDir}: is the build current?`);
    return found[0];
  };
}

/**
 * `action(null, form)`, as a form with `useActionState` calls it: the form's fields go
 * under the prefix `_1_` and the root row "0" refers to them as `$K1`.
 */
export function formArguments(fields: Record<string, string>): { body: Buffer; contentType: string } {
  const boundary = `----masthead-bench-${Math.random().toString(36).slice(2)}`;
  const body = formArgumentParts(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  return { body: Buffer.from(`${body}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The multipart fields of `formArguments`, in order. */
export function formArgumentParts(fields: Record<string, string>): [string, string][] {
  return [...Object.entries(fields).map(([key, value]): [string, string] => [`_1_${key}`, value]), ['0', JSON.stringify([null, '$K1'])]];
}

/** `action(...args)` with plain values: one JSON text, strings starting with `$` escaped. */
export function jsonArguments(args: unknown[]): { body: Buffer; contentType: string } {
  const text = JSON.stringify(args, (_key, value: unknown) => {
    if (value === undefined) return '$undefined';
    if (typeof value === 'string' && value.startsWith('$')) return `$${value}`;
    return value;
  });
  return { body: Buffer.from(text), contentType: 'text/plain;charset=UTF-8' };
}

export type ActionCall = {
  /** The page the action is posted to (the page that shows the form). */
  url: string;
  actionId: string;
  args: { body: Buffer; contentType: string };
  cookie?: string;
};

export type ActionResponse = HttpResponse & { result: unknown; redirect: string | null };

export async function callAction({ url, actionId, args, cookie }: ActionCall): Promise<ActionResponse> {
  const response = await request(url, {
    method: 'POST',
    body: args.body,
    headers: {
      'Content-Type': args.contentType,
      'Next-Action': actionId,
      Accept: 'text/x-component',
      Origin: new URL(url).origin,
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
  const header = response.headers['x-action-redirect'];
  const redirect = typeof header === 'string' ? header : null;
  // A redirect answers with the next page's RSC, not with a value.
  return { ...response, result: redirect ? undefined : actionResult(response.body.toString('utf8')), redirect };
}

/** The action's return value from an RSC answer (`0:{"a":"$@1",…}` then `1:{…}`). */
export function actionResult(stream: string): unknown {
  const rows = new Map<string, string>();
  for (const line of stream.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const root = rows.get('0');
  if (!root) return undefined;
  const reference = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof reference !== 'string' || !reference.startsWith('$@')) return undefined;
  const row = rows.get(reference.slice(2));
  return row === undefined ? undefined : JSON.parse(row);
}

/** The session cookie(s) a sign-in answer set, as a `Cookie` header value. */
export function sessionCookie(response: HttpResponse): string | null {
  const setCookie = response.headers['set-cookie'] ?? [];
  const pairs = (Array.isArray(setCookie) ? setCookie : [setCookie])
    .map((line) => line.split(';')[0]!)
    .filter((pair) => /session-token=/.test(pair));
  return pairs.length ? pairs.join('; ') : null;
}
