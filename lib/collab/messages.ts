/** Stateless messages between the story editor and the collaboration server (JSON strings). */
export type ServerMessage =
  /** The working copy was saved from the shared document. */
  | { type: 'saved'; at: string; version: number; revisionId: number }
  /** The database did not take the last store; it is tried again (the edits are safe in memory). `busy`: no connection became free in time. */
  | { type: 'unsaved'; busy?: true }
  /** The shared document could not be saved as it stands (e.g. no headline): shown by the fields. */
  | { type: 'invalid'; message: string; fieldErrors?: Record<string, string[]> }
  /** The story's status or working copy changed outside the document: refresh the page's state. */
  | { type: 'story-changed'; status: string }
  /** This connection may now type, or only watch (`unconfirmed`: only until its access can be checked again). */
  | { type: 'access'; mode: 'edit' | 'read'; unconfirmed?: true }
  /** The answer to a flush: the working copy as now saved. */
  | { type: 'flushed'; requestId: string; ok: boolean; version: number; revisionId: number };

export type ClientMessage =
  /** Save the working copy now (before a workflow step). */
  { type: 'flush'; requestId: string };

/** Why the server ended a connection (the close message's reason). */
export const ACCESS_ENDED = 'access-ended';
export const SESSION_ENDED = 'session-ended';
