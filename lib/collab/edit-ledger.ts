import * as Y from 'yjs';
import type { CollabAccess, CollabSession } from './access';

/**
 * One connection's typing in a story, kept undoable until the server has confirmed (against
 * the database) that the person may still type. Access is checked every few seconds; edits
 * that arrive between a change of access and the next check must not stay in the story under
 * anyone's name, so they are undone rather than saved.
 */
export class ConnectionEdits {
  private readonly manager: Y.UndoManager;
  /** Edits confirmed since the working copy was last saved: this person is one of its contributors. */
  private confirmedSinceSave = false;
  lastEditAt = 0;
  closed = false;

  constructor(
    private readonly doc: Y.Doc,
    readonly origin: object,
    readonly session: CollabSession,
  ) {
    // Every transaction this connection applies is one stack item (no capture window), so a
    // count taken before a check confirms exactly the edits that check vouches for.
    this.manager = new Y.UndoManager(doc, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    this.manager.on('stack-item-added', ({ type }: { type: 'undo' | 'redo' }) => {
      if (type === 'undo') this.lastEditAt = Date.now();
    });
  }

  /** How many edits await confirmation: take it before checking access, pass it to `confirm`. */
  get unconfirmed(): number {
    return this.manager.undoStack.length;
  }

  get typedSinceSave(): boolean {
    return this.confirmedSinceSave || this.unconfirmed > 0;
  }

  /** The first `count` edits were made by someone who, checked after them, may type: they stay. */
  confirm(count: number): void {
    if (count <= 0) return;
    const confirmed = this.manager.undoStack.slice(0, count);
    const rest = this.manager.undoStack.slice(count);
    // The manager keeps the text these edits deleted (to undo them); clearing them releases
    // it, and collecting it now stops a long session holding every deleted word.
    this.manager.undoStack = confirmed;
    this.manager.clear(true, false);
    this.manager.undoStack = rest;
    if (this.doc.gc) for (const item of confirmed) Y.tryGc(item.deletions, this.doc.store, this.doc.gcFilter);
    this.confirmedSinceSave = true;
  }

  /** Undoes every unconfirmed edit (one transaction each, seen by everyone as any change). */
  revert(): void {
    while (this.manager.undoStack.length > 0) this.manager.undo();
    const undone = this.manager.redoStack;
    this.manager.clear();
    if (this.doc.gc) for (const item of undone) Y.tryGc(item.deletions, this.doc.store, this.doc.gcFilter);
  }

  saved(): void {
    this.confirmedSinceSave = false;
  }

  destroy(): void {
    this.manager.destroy();
  }
}

export type SettledEdits = {
  /** The person whose edits were last confirmed and who may type now: the save's author. */
  actor: CollabSession | null;
  /** Everyone whose confirmed typing is in the document since the last save. */
  contributorIds: string[];
};

/**
 * Before a save: checks the access of everyone who typed since the last save, now, against
 * the database. Those who may still type have their edits confirmed; others have their
 * unconfirmed edits undone (and `onAccess` hears of it, to close or downgrade them).
 * A failed check throws: nothing is confirmed and nothing is saved (fail closed).
 */
export async function settleEdits(
  ledger: Iterable<ConnectionEdits>,
  accessOf: (session: CollabSession) => Promise<CollabAccess>,
  onAccess: (edits: ConnectionEdits, access: CollabAccess) => void,
): Promise<SettledEdits> {
  const typed = [...ledger].filter((edits) => edits.typedSinceSave);
  const marks = new Map(typed.map((edits) => [edits, edits.unconfirmed]));
  const checks = new Map<string, Promise<CollabAccess>>();
  const verdicts = await Promise.all(
    typed.map((edits) => {
      const key = `${edits.session.userId}:${edits.session.sid}`;
      if (!checks.has(key)) checks.set(key, accessOf(edits.session));
      return checks.get(key)!;
    }),
  );
  let actor: ConnectionEdits | null = null;
  typed.forEach((edits, index) => {
    const access = verdicts[index]!;
    if (access === 'edit') {
      edits.confirm(marks.get(edits)!);
      if (!actor || edits.lastEditAt >= actor.lastEditAt) actor = edits;
    } else {
      edits.revert();
      onAccess(edits, access);
    }
  });
  const contributorIds = [...new Set(typed.filter((edits) => edits.typedSinceSave).map((edits) => edits.session.userId))];
  return { actor: (actor as ConnectionEdits | null)?.session ?? null, contributorIds };
}
