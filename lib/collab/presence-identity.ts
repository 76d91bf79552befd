import type { Awareness } from 'y-protocols/awareness';
import type { PresenceEntry } from './message-guard';

/** The name and colour by a person's caret, as the server knows them (from the signed token). */
export type PresenceUser = { name: string; color: string };

type Change = { added: number[]; updated: number[]; removed: number[] };

/**
 * Makes every presence state a connection sets carry that connection's verified person,
 * whatever name the browser put in it: a page cannot show its caret under someone else's
 * name. Runs on the awareness's 'change' event, which y-protocols emits before 'update',
 * the one Hocuspocus relays to every page (and to Redis); so only the stamped state leaves
 * this server. `userOf` names the person behind an update's origin (null: not a browser's).
 */
export function stampPresence(awareness: Awareness, userOf: (origin: unknown) => PresenceUser | null): () => void {
  const onChange = ({ added, updated }: Change, origin: unknown) => {
    const user = userOf(origin);
    if (!user) return;
    for (const clientId of [...added, ...updated]) {
      const state = awareness.states.get(clientId);
      if (!state) continue;
      const current = state.user as Partial<PresenceUser> | undefined;
      if (current && current.name === user.name && current.color === user.color && Object.keys(current).length === 2) continue;
      awareness.states.set(clientId, { ...state, user: { ...user } });
    }
  };
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}

/**
 * Whether a connection's presence message would set or clear the presence of a page that
 * belongs to another person (`others`: the other connections' client ids and people).
 * Pages echo back the presence they were sent (Hocuspocus's provider does); an echo is no
 * newer than what the server holds, changes nothing, and passes.
 */
export function touchesOthersPresence(
  awareness: Awareness,
  entries: readonly PresenceEntry[],
  userId: string,
  others: Iterable<{ clients: Set<number>; userId: string }>,
): boolean {
  const foreign = [...others].filter((other) => other.userId !== userId);
  return entries.some(({ clientId, clock, removed }) => {
    const held = awareness.meta.get(clientId)?.clock ?? -1;
    const wouldApply = clock > held || (clock === held && removed && awareness.states.has(clientId));
    return wouldApply && foreign.some((other) => other.clients.has(clientId));
  });
}
