import 'server-only';
import { headers } from 'next/headers';
import { z } from 'zod';
import { isDatabaseUnavailable, unavailableMessage } from '@/db/unavailable';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { ActionError } from '@/lib/errors';
import { errorFields, logError, requestIdFrom, writeLogLine } from '@/lib/log';
import { can, ForbiddenError, type Capability } from '@/lib/permissions';
import { clientIp } from '@/lib/request-context';

/** What every server action returns, for `useActionState` and for tests. */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      code: 'unauthenticated' | 'forbidden' | 'invalid' | 'conflict' | 'failed';
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What was sent (secrets left out), so a refused form can show it again: nothing typed is lost. */
      values?: Record<string, string>;
      data?: T;
    };


export type ActionContext = { user: CurrentUser; ip: string };

export type DefinedAction<T = undefined> = ((previous: unknown, input: unknown) => Promise<ActionResult<T>>) & {
  /** 'public' marks the few actions meant for people who are not signed in (signing in). */
  capability: Capability | 'public';
};

type Run<S extends z.ZodType, C, T> = (input: z.infer<S>, context: C) => Promise<ActionResult<T> | void>;

/**
 * The one way to write a server action: it loads the signed-in person, checks the
 * capability, validates the input with zod, runs, and turns refusals into a result the
 * form can show. Nothing reaches `run` without passing all of those.
 */
export function defineAction<S extends z.ZodType, T = undefined>(definition: {
  /** The capability every caller needs; finer checks (whose story?) happen in lib/. */
  capability: Capability;
  input: S;
  run: Run<S, ActionContext, T>;
}): DefinedAction<T> {
  const action = async (_previous: unknown, raw: unknown): Promise<ActionResult<T>> => {
    let user;
    try {
      user = await getCurrentUser();
    } catch (error) {
      // Who is signed in is read from the database: when it does not answer, say so.
      const refusal = await refusalFor(error);
      return { ok: false, code: refusal.code, message: refusal.message };
    }
    if (!user) return { ok: false, code: 'unauthenticated', message: 'Your session has ended. Sign in again to continue.' };
    if (!can(user, definition.capability)) {
      return { ok: false, code: 'forbidden', message: 'You do not have permission to do that.' };
    }
    return execute(definition.input, raw, async (input) => definition.run(input, { user, ip: await clientIp() }));
  };
  return Object.assign(action, { capability: definition.capability });
}

/**
 * An action for people who are not signed in yet (signing in, setting a password from an
 * emailed link). It still validates its input; its own code checks whatever token it needs.
 */
export function definePublicAction<S extends z.ZodType, T = undefined>(definition: {
  input: S;
  run: Run<S, { ip: string }, T>;
}): DefinedAction<T> {
  const action = async (_previous: unknown, raw: unknown): Promise<ActionResult<T>> =>
    execute(definition.input, raw, async (input) => definition.run(input, { ip: await clientIp() }));
  return Object.assign(action, { capability: 'public' as const });
}

async function execute<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  run: (input: z.infer<S>) => Promise<ActionResult<T> | void>,
): Promise<ActionResult<T>> {
  const fields = raw instanceof FormData ? formDataToObject(raw) : raw;
  const values = echoableValues(fields);
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    return { ok: false, code: 'invalid', message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  try {
    const result = (await run(parsed.data)) ?? { ok: true };
    return result.ok ? result : { values, ...result };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, code: 'forbidden', message: error.message, values };
    if (isNextControlFlow(error)) throw error;
    const refusal = await refusalFor(error);
    return { ok: false, code: refusal.code, message: refusal.message, fieldErrors: refusal.fieldErrors, values };
  }
}

/**
 * What a person is told about a failure. A database that is down or busy is not their fault
 * and not a bug: they are told to try again in a moment (and the editor retries by itself).
 * Anything unexpected is logged with the request's id, which the response carries too.
 */
async function refusalFor(error: unknown): Promise<ActionError> {
  if (error instanceof ActionError) return error;
  const requestId = requestIdFrom(await headers());
  if (isDatabaseUnavailable(error)) {
    writeLogLine('warn', 'Server action: database unavailable', { requestId: requestId ?? undefined, ...errorFields(error, { stack: false }) });
    return new ActionError(unavailableMessage(error), 'failed');
  }
  logError('Server action failed', error, requestId);
  return new ActionError('Something went wrong on our side. Nothing was changed; please try again.', 'failed');
}

/**
 * Messages by field name. A field nested in a group (the story editor sends its fields as
 * `fields.headline`) is named by its own name, so the form can show the message by it.
 */
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const key = (path[0] === 'fields' ? path[1] : path[0]) ?? 'form';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The text fields of a submission, minus passwords and tokens, to put back into the form. */
function echoableValues(fields: unknown): Record<string, string> | undefined {
  if (!fields || typeof fields !== 'object') return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && !/password|token/i.test(key) && value.length <= 100_000) values[key] = value;
  }
  return values;
}

/** Form fields to a plain object; repeated names become arrays. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/** redirect() and notFound() work by throwing; they must pass through. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}
