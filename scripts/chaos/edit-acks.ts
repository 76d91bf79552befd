/**
 * When a chaos editor's edit counts as acknowledged. Hocuspocus's provider counts the
 * updates it sent that the server has not yet confirmed as applied (`unsyncedChanges`,
 * the count the story editor's "Saving…"/"Saved" bar follows); at a reconnection it
 * restarts the count at 1 for its sync, which sends the server everything it lacks. So
 * when the count is back to 0, the server holds every edit made before that moment.
 */
import { markersIn } from '../bench/collab-stats';

export type Edit = { articleId: string; n: number; marker: string; madeAt: number; ackedAt: number | null };

export class EditAcks {
  readonly edits: Edit[] = [];
  private readonly waiting: Edit[] = [];

  made(edit: Omit<Edit, 'ackedAt'>): Edit {
    const recorded = { ...edit, ackedAt: null };
    this.edits.push(recorded);
    this.waiting.push(recorded);
    return recorded;
  }

  /** The provider's count of unconfirmed updates changed to `unsynced` at `at`. */
  unsynced(unsynced: number, at: number): void {
    if (unsynced !== 0) return;
    for (const edit of this.waiting.splice(0)) edit.ackedAt = at;
  }

  get acknowledged(): Edit[] {
    return this.edits.filter((edit) => edit.ackedAt !== null);
  }
}

/** Markers of `edits` missing from each story's text (`textOf` gives it per story). */
export function lostEdits(edits: Edit[], textOf: Map<string, string>): Edit[] {
  const present = new Map([...textOf].map(([articleId, text]) => [articleId, new Set(markersIn(text))]));
  return edits.filter((edit) => !present.get(edit.articleId)?.has(edit.marker));
}
