import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { templateCopy } from './template-copy';

// Outside Next there is no cache to tag or invalidate; record the calls instead.
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  revalidatePath: vi.fn(),
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.200' }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));
// No cookies outside a request: tests say who is signed in with test/session.ts.
vi.mock('@/lib/auth/auth', () => ({
  auth: vi.fn(async () => null),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: {},
}));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => {},
}));

process.env.AUTH_SECRET ??= 'test-only-secret-for-signing';
// Each worker stores uploaded media in its own folder.
process.env.MEDIA_DIR = mkdtempSync(join(tmpdir(), 'masthead-media-'));

process.env.DATABASE_URL = await templateCopy(`w${process.env.VITEST_POOL_ID ?? '0'}`);
