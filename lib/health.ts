import 'server-only';
import { connection } from 'next/server';
import { db } from '@/db/client';
import { countPendingMigrations } from '@/db/migrate';

export type Health = { ok: boolean; database: 'up' | 'down'; pendingMigrations: number | null };

export async function checkHealth(): Promise<Health> {
  await connection();
  try {
    const pendingMigrations = await withTimeout(countPendingMigrations(db), 3_000);
    return { ok: pendingMigrations === 0, database: 'up', pendingMigrations };
  } catch {
    return { ok: false, database: 'down', pendingMigrations: null };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ]);
}
