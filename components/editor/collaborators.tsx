'use client';

import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

type Person = { clientId: number; name: string; color: string };

/** Who else has the story open now, in the colours of their carets. */
export function Collaborators({ provider }: { provider: HocuspocusProvider }) {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const read = () => {
      const others: Person[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { name?: string; color?: string } }).user;
        if (clientId !== awareness.clientID && user?.name) others.push({ clientId, name: user.name, color: user.color ?? '#1d4ed8' });
      });
      setPeople(others);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [provider]);
  if (people.length === 0) return null;
  return (
    <p role="status" className="flex flex-wrap items-center gap-2 text-sm" data-testid="collaborators">
      Also here:
      {people.map((person) => (
        <span key={person.clientId} className="inline-flex items-center gap-1 rounded-full border border-rule px-2 py-0.5">
          <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ backgroundColor: person.color }} />
          {person.name}
        </span>
      ))}
    </p>
  );
}
