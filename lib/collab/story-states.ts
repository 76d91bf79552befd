import type { Connection } from '@hocuspocus/server';
import type { ConnectionEdits } from './edit-ledger';
import { StoryQueue } from './story-queue';

/** What the collaboration server keeps per loaded story besides the document itself. */
export type StoryState = {
  /** The working-copy revision the document last wrote or was built from. */
  revisionId: number | null;
  status: string | null;
  /** Each connection's typing, undoable until its access is confirmed (kept after it closes, until saved). */
  edits: Map<Connection, ConnectionEdits>;
  /** The document's size: its last snapshot plus the updates taken since. */
  bytes: number;
  unstamp?: () => void;
  /** Updates not yet appended to the log. */
  pending: Uint8Array[];
  logTimer?: ReturnType<typeof setTimeout>;
  retryTimer?: ReturnType<typeof setTimeout>;
  /** The last store failed: the story stays loaded (even with nobody in it) until a retry stores it. */
  storeFailed: boolean;
  /** Work on one story runs one task at a time (load, store, recheck). */
  queue: StoryQueue;
  lastMarked: number;
  /** A working-copy revision seen once that no collaboration server stored the document as (see access-recheck.ts). */
  unconfirmedRevisionId?: number;
};

/** The state of every story one collaboration server holds, by story id (the document's name). */
export function createStoryStates() {
  const stories = new Map<string, StoryState>();
  /** The story's state, created on first use. */
  const of = (name: string): StoryState => {
    let state = stories.get(name);
    if (!state) {
      state = { revisionId: null, status: null, edits: new Map(), bytes: 0, pending: [], storeFailed: false, queue: new StoryQueue(), lastMarked: 0 };
      stories.set(name, state);
    }
    return state;
  };
  return {
    of,
    /** The story's state if it has one, without creating it. */
    find: (name: string): StoryState | undefined => stories.get(name),
    /** Runs `task` after the story's earlier tasks (load, store, recheck) have ended. */
    serial: <T>(name: string, task: () => Promise<T>): Promise<T> => of(name).queue.run(task),
    forget: (name: string) => stories.delete(name),
  };
}

export type StoryStates = ReturnType<typeof createStoryStates>;
