import 'server-only';
import { notFound } from 'next/navigation';
import { ForbiddenError } from '@/lib/permissions';

type Opened<T> = { kind: 'open'; id: string; found: T } | { kind: 'refused'; message: string };

/**
 * What one of a story's newsroom pages shows, read by `load`: an address that names no
 * story, or a read that fails, is the newsroom's not-found page; a story this person may
 * not see is refused with the reason, for the page to say.
 */
export async function openStoryPage<T>(params: Promise<{ id: string }>, load: (id: string) => Promise<T>): Promise<Opened<T>> {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  try {
    return { kind: 'open', id, found: await load(id) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { kind: 'refused', message: error.message };
    notFound();
  }
}
