import 'server-only';
import { notFound } from 'next/navigation';
import { isDatabaseUnavailable, pageUnavailableMessage } from '@/db/unavailable';
import { ForbiddenError } from '@/lib/permissions';

export type Opened<T> = { kind: 'open'; id: string; found: T } | { kind: 'refused'; message: string } | { kind: 'unavailable'; message: string };

/**
 * What one of a story's newsroom pages shows, read by `load`: a story this person may not
 * see is refused with the reason, and a read the database could not answer says so (both
 * for the page to show); an address that names no story, or any other failed read, is the
 * newsroom's not-found page.
 */
export async function openStoryPage<T>(params: Promise<{ id: string }>, load: (id: string) => Promise<T>): Promise<Opened<T>> {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  try {
    return { kind: 'open', id, found: await load(id) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { kind: 'refused', message: error.message };
    if (isDatabaseUnavailable(error)) return { kind: 'unavailable', message: pageUnavailableMessage(error) };
    notFound();
  }
}
